import ClinicalText
import NoteFacts
import NoteTagging

/// Raises `level-limit-exceeded` when more levels in one session than the policy allows, or two spinal regions in one epidural session.
struct LevelLimitExceeded: DocumentationCheck {
    let id = FlagID.levelLimitExceeded

    func check(_ context: CheckContext) -> [Flag] {
        var flags: [Flag] = []
        for procedure in context.procedures(for: id) {
            guard let limit = context.rules.levelLimits[procedure.fact.family] else { continue }
            let levels = procedure.fact.levels.filter { $0 != .sacralHiatus }
            let regions = Set(levels.map(\.region))
            if regions.count > 1, procedure.fact.family == .epiduralInterlaminar || procedure.fact.family == .epiduralTransforaminal {
                flags += context.flag(id, for: [procedure], detail: "More than one spinal region in one session (cervical-thoracic and lumbar-sacral).")
            } else if levels.count > limit {
                flags += context.flag(id, for: [procedure], detail: "\(levels.count) levels documented; at most \(limit) per session.")
            }
        }
        return flags
    }
}
