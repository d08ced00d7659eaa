public import ClinicalText
public import NoteFacts

/// A patient's key: the salted SHA-256 of their record number, or of their name (words sorted,
/// letters only, lower case) and date of birth when no record number is documented (section 10:
/// one patient is one MRN; without one, the same name and date of birth). Nil when neither is there.
public enum PatientKey {
    public static func make(_ encounter: EncounterFacts, _ text: NoteText, salt: String) -> String? {
        if let record = encounter.recordNumber {
            let normalized = normalizedRecord(text.utf8[record.bytes])
            if !normalized.isEmpty {
                var message: [UInt8] = []
                message.reserveCapacity(salt.utf8.count + 5 + normalized.count)
                message += salt.utf8
                message += "|mrn|".utf8
                message += normalized
                return SHA256.hex(message)
            }
        }
        if let name = encounter.patientName, let birth = encounter.birthDate {
            let words = text[name].lowercased().split { !$0.isLetter }.map(String.init).sorted().joined(separator: " ")
            if !words.isEmpty { return SHA256.hex(Array("\(salt)|name|\(words)|\(birth)".utf8)) }
        }
        return nil
    }

    /// A record number's letters and digits, upper case: byte by byte for ASCII, by Character otherwise.
    private static func normalizedRecord(_ bytes: ArraySlice<UInt8>) -> [UInt8] {
        guard bytes.allSatisfy({ $0 < 0x80 }) else {
            return Array(String(decoding: bytes, as: UTF8.self).uppercased().filter { $0.isLetter || $0.isNumber }.utf8)
        }
        return bytes.compactMap { byte in
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"): byte - 32
            case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"): byte
            default: nil
            }
        }
    }
}
