import NoteFacts
import NoteTagging

/// Raises `missing-botox-wastage` when botulinum toxin given with neither a discarded amount nor "no wastage" (JW-05, section 10).
struct MissingBotoxWastage: DocumentationCheck {
    let id = FlagID.missingBotoxWastage

    func check(_ context: CheckContext) -> [Flag] {
        let toxins = context.facts.drugs.filter { $0.drugClass == .botulinumToxin && $0.discarded == nil }
        guard !toxins.isEmpty else { return [] }
        return context.flag(id, for: context.procedures(for: id), evidence: toxins.flatMap(\.evidence))
    }
}
