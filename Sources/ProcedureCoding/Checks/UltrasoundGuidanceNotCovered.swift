import NoteFacts
import NoteTagging

/// Raises `ultrasound-guidance-not-covered` when an epidural or facet procedure under ultrasound (ESI-02, FJ-02).
struct UltrasoundGuidanceNotCovered: DocumentationCheck {
    let id = FlagID.ultrasoundGuidanceNotCovered

    func check(_ context: CheckContext) -> [Flag] {
        let procedures = context.procedures(for: id).filter { $0.fact.guidance == .ultrasound }
        return context.flag(id, for: procedures, evidence: procedures.flatMap { $0.fact.guidanceEvidence })
    }
}
