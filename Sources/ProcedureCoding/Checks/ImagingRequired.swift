import NoteFacts
import NoteTagging

/// Raises `imaging-required` when an epidural or facet procedure the note says was done without imaging (ESI-01, FJ-01).
struct ImagingRequired: DocumentationCheck {
    let id = FlagID.imagingRequired

    func check(_ context: CheckContext) -> [Flag] {
        let procedures = context.procedures(for: id).filter { $0.fact.guidance == GuidanceKind.none }
        return context.flag(id, for: procedures, evidence: procedures.flatMap { $0.fact.guidanceEvidence })
    }
}
