import NoteFacts
import NoteTagging

/// Raises `missing-patient-identification` when no patient name, MRN or date of birth is documented.
struct MissingPatientIdentification: DocumentationCheck {
    let id = FlagID.missingPatientIdentification

    func check(_ context: CheckContext) -> [Flag] {
        guard context.facts.documentation.patientIdentification.isEmpty else { return [] }
        return context.flag(id, for: context.procedures(for: id))
    }
}
