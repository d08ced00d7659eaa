import NoteFacts
import NoteTagging

/// Raises `missing-drug-dose` when a drug with a supply code is named without a dose.
struct MissingDrugDose: DocumentationCheck {
    let id = FlagID.missingDrugDose

    func check(_ context: CheckContext) -> [Flag] {
        let undosed = context.facts.drugs.filter { $0.dose == nil }
        guard !undosed.isEmpty else { return [] }
        let names = undosed.map(\.name).joined(separator: ", ")
        return context.flag(id, for: context.procedures(for: id), evidence: undosed.flatMap(\.evidence), detail: "(\(names))")
    }
}
