import NoteFacts
import NoteTagging

/// Raises `missing-pre-pain-score` when no 0–10 pain score before an injection (Q-20: injection families only).
struct MissingPrePainScore: DocumentationCheck {
    let id = FlagID.missingPrePainScore

    func check(_ context: CheckContext) -> [Flag] {
        guard context.facts.pain.pre == nil else { return [] }
        return context.flag(id, for: context.procedures(for: id))
    }
}
