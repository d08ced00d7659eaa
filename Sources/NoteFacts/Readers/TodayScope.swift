import ClinicalText
import NoteTagging

/// Which mentions speak of what was done today: affirmed, current, about the patient, and in a
/// section that describes the encounter (not history, plan, imaging or the diagnosis list).
enum TodayScope {
    static let sections: Set<SectionKind> = [
        .preamble, .procedure, .other, .postProcedure, .preProcedure, .complications, .anesthesia, .medications,
    ]

    static func includes(_ mention: Mention) -> Bool {
        mention.isCurrentFact && sections.contains(mention.section)
    }
}

extension Array where Element == TextRange {
    /// Sorted, without duplicates.
    func normalized() -> [TextRange] { Array(Set(self)).sorted() }
}
