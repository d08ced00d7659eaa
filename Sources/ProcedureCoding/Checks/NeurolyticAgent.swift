import NoteFacts
import NoteTagging

/// Raises `neurolytic-agent` when a neurolytic substance (alcohol, phenol, glycerol) in an epidural injection (ESI-12).
struct NeurolyticAgent: DocumentationCheck {
    let id = FlagID.neurolyticAgent

    func check(_ context: CheckContext) -> [Flag] {
        let agents = context.facts.otherDrugs.filter { $0.drugClass == .neurolytic }
        guard !agents.isEmpty else { return [] }
        return context.flag(id, for: context.procedures(for: id), evidence: agents.flatMap(\.evidence))
    }
}
