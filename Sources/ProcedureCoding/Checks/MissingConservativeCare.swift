import NoteFacts
import NoteTagging

/// Raises `missing-conservative-care` when no failed conservative care of 4 weeks or more before a spinal injection (ESI-07, FJ-04).
struct MissingConservativeCare: DocumentationCheck {
    let id = FlagID.missingConservativeCare

    func check(_ context: CheckContext) -> [Flag] {
        let documentation = context.facts.documentation
        let weeks = documentation.conservativeCareWeeks
        let sufficient = !documentation.conservativeCare.isEmpty && (weeks.map { $0 >= 4 } ?? documentation.conservativeCareFailed)
        guard !sufficient else { return [] }
        return context.flag(id, for: context.procedures(for: id), evidence: documentation.conservativeCare)
    }
}
