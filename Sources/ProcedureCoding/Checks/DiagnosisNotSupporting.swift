import ClinicalText
import NoteFacts
import NoteTagging

/// Raises `diagnosis-not-supporting` when the documented diagnoses include none that the coverage policy accepts for the procedure (ESI-08, FJ-04, CHD-03).
struct DiagnosisNotSupporting: DocumentationCheck {
    let id = FlagID.diagnosisNotSupporting

    func check(_ context: CheckContext) -> [Flag] {
        let procedures = context.procedures(for: id)
        let diagnoses = context.facts.diagnoses
        var categories = CaseSet<DiagnosisCategory>()
        for index in diagnoses.indices { if let category = diagnoses[index].category { categories.insert(category) } }
        guard !procedures.isEmpty, !categories.isEmpty else { return [] }
        var flagged: [CheckedProcedure] = []
        for procedure in procedures {
            // The policy rows of the procedure's family and variant; flagged when it has some and none accepts a category.
            let variant = Variant.of(procedure.fact, in: context.facts)
            var hasRows = false, supported = false
            for row in context.rules.diagnosisSupport where row.family == procedure.fact.family && (row.variant == nil || row.variant == variant) {
                hasRows = true
                if !row.supports.isDisjoint(with: categories) {
                    supported = true
                    break
                }
            }
            if hasRows && !supported { flagged.append(procedure) }
        }
        guard !flagged.isEmpty else { return [] }
        return context.flag(id, for: flagged, evidence: diagnoses.flatMap(\.evidence))
    }
}
