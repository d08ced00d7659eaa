import NoteFacts
import NoteTagging

/// Raises `acupuncture-indication-not-covered` when acupuncture (or dry needling, Q-16) for an indication other than chronic low back pain (AC-01).
struct AcupunctureIndicationNotCovered: DocumentationCheck {
    let id = FlagID.acupunctureIndicationNotCovered

    func check(_ context: CheckContext) -> [Flag] {
        let procedures = context.procedures(for: id)
        guard !procedures.isEmpty else { return [] }
        let categories = Set(context.facts.diagnoses.compactMap(\.category))
        guard !categories.isEmpty, !categories.contains(.chronicLowBackPain) else { return [] }
        return context.flag(id, for: procedures, evidence: context.facts.diagnoses.flatMap(\.evidence))
    }
}
