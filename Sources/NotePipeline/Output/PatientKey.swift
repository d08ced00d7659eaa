public import ClinicalText
public import NoteFacts

/// A patient's key: the salted SHA-256 of their record number, or of their name (words sorted,
/// letters only, lower case) and date of birth when no record number is documented (section 10:
/// one patient is one MRN; without one, the same name and date of birth). Nil when neither is there.
public enum PatientKey {
    public static func make(_ encounter: EncounterFacts, _ text: NoteText, salt: String) -> String? {
        if let record = encounter.recordNumber {
            let normalized = text[record].uppercased().filter { $0.isLetter || $0.isNumber }
            if !normalized.isEmpty { return SHA256.hex(Array("\(salt)|mrn|\(normalized)".utf8)) }
        }
        if let name = encounter.patientName, let birth = encounter.birthDate {
            let words = text[name].lowercased().split { !$0.isLetter }.map(String.init).sorted().joined(separator: " ")
            if !words.isEmpty { return SHA256.hex(Array("\(salt)|name|\(words)|\(birth)".utf8)) }
        }
        return nil
    }
}
