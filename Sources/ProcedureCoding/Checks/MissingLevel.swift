import NoteFacts
import NoteTagging

/// Raises `missing-level` when a spinal procedure (or a segmental nerve block) names no level.
struct MissingLevel: DocumentationCheck {
    let id = FlagID.missingLevel

    func check(_ context: CheckContext) -> [Flag] {
        let procedures = context.procedures(for: id).filter { procedure in
            guard procedure.fact.levels.isEmpty, !procedure.fact.isCaudal else { return false }
            if procedure.fact.family == .nerveBlock { return ["intercostal", "paravertebral"].contains(procedure.fact.target ?? "") }
            return true
        }
        return context.flag(id, for: procedures)
    }
}
