import ClinicalText
import NoteTagging

/// Which mentions speak of what was done today: affirmed, current, about the patient, and in a
/// section that describes the encounter (not history, plan, imaging or the diagnosis list).
enum TodayScope {
    /// The sections that describe the encounter.
    static func describesToday(_ section: SectionKind) -> Bool {
        switch section {
        case .preamble, .procedure, .other, .postProcedure, .preProcedure, .complications, .anesthesia, .medications: true
        default: false
        }
    }
}

extension Mention {
    /// The mention speaks of today (see ``TodayScope``).
    var isToday: Bool { isCurrentFact && TodayScope.describesToday(section) }
}
