import NoteFacts
import NoteTagging

/// Raises `missing-time` when acupuncture without documented face-to-face time.
struct MissingTime: DocumentationCheck {
    let id = FlagID.missingTime

    func check(_ context: CheckContext) -> [Flag] {
        guard context.facts.documentation.minutes == nil else { return [] }
        return context.flag(id, for: context.procedures(for: id))
    }
}
