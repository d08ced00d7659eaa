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
            // The levels other than the sacral hiatus, counted with their regions (no lists made).
            var count = 0, regions = CaseSet<Region>()
            for level in procedure.fact.levels where level != .sacralHiatus {
                count += 1
                regions.insert(level.region)
            }
            if regions.underestimatedCount > 1, procedure.fact.family == .epiduralInterlaminar || procedure.fact.family == .epiduralTransforaminal {
                flags += context.flag(id, for: [procedure], detail: "More than one spinal region in one session (cervical-thoracic and lumbar-sacral).")
            } else if count > limit {
                flags += context.flag(id, for: [procedure], detail: "\(count) levels documented; at most \(limit) per session.")
            }
        }
        return flags
    }
}
