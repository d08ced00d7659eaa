import NoteFacts
import NoteTagging

/// Raises `missing-diagnosis` when no diagnosis or indication is documented.
struct MissingDiagnosis: DocumentationCheck {
    let id = FlagID.missingDiagnosis

    func check(_ context: CheckContext) -> [Flag] {
        guard context.facts.diagnoses.isEmpty else { return [] }
        return context.flag(id, for: context.procedures(for: id))
    }
}
