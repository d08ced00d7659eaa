import ClinicalText
import NoteFacts
import NoteTagging

/// Raises `missing-laterality` when a procedure coded per side names no side (and no side conflict explains it).
struct MissingLaterality: DocumentationCheck {
    let id = FlagID.missingLaterality

    func check(_ context: CheckContext) -> [Flag] {
        let procedures = context.procedures(for: id).filter { procedure in
            guard procedure.fact.laterality == nil, procedure.fact.conflicts.isEmpty, !procedure.lines.isEmpty else { return false }
            // Only codes that take a side modifier need a side (64615 and 64642 do not).
            return procedure.lines.contains { line in
                context.rules.codes.contains { $0.code == line.code && $0.bilateral.takesSideModifiers && $0.families.contains(procedure.fact.family) }
            }
        }
        return context.flag(id, for: procedures)
    }
}
