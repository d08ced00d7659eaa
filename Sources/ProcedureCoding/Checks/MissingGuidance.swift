import NoteFacts
import NoteTagging

/// Raises `missing-guidance` when the code depends on imaging and the note does not say whether or which imaging was used.
struct MissingGuidance: DocumentationCheck {
    let id = FlagID.missingGuidance

    func check(_ context: CheckContext) -> [Flag] {
        context.flag(id, for: context.procedures(for: id).filter { $0.fact.guidance == nil })
    }
}
