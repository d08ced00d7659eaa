import NoteFacts
import NoteTagging

/// Raises `missing-post-pain-score` when no 0–10 pain score after an injection (Q-20: injection families only).
struct MissingPostPainScore: DocumentationCheck {
    let id = FlagID.missingPostPainScore

    func check(_ context: CheckContext) -> [Flag] {
        guard context.facts.pain.post == nil else { return [] }
        return context.flag(id, for: context.procedures(for: id))
    }
}
