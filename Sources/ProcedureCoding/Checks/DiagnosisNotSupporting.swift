import ClinicalText
import NoteFacts
import NoteTagging

/// Raises `diagnosis-not-supporting` when the documented diagnoses include none that the coverage policy accepts for the procedure (ESI-08, FJ-04, CHD-03).
struct DiagnosisNotSupporting: DocumentationCheck {
    let id = FlagID.diagnosisNotSupporting

    func check(_ context: CheckContext) -> [Flag] {
        let procedures = context.procedures(for: id)
        let written = context.facts.diagnoses.compactMap(\.category)
        guard !procedures.isEmpty, !written.isEmpty else { return [] }
        let categories = CaseSet(written)
        var flagged: [CheckedProcedure] = []
        for procedure in procedures {
            let variant = Variant.of(procedure.fact, in: context.facts)
            let rows = context.rules.diagnosisSupport.filter {
                $0.family == procedure.fact.family && ($0.variant == nil || $0.variant == variant)
            }
            guard !rows.isEmpty else { continue }
            if rows.allSatisfy({ $0.supports.isDisjoint(with: categories) }) { flagged.append(procedure) }
        }
        let evidence = context.facts.diagnoses.flatMap(\.evidence)
        return context.flag(id, for: flagged, evidence: evidence)
    }
}
