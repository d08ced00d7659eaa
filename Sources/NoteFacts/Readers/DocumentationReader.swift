import ClinicalText
import NoteTagging

/// Documentation elements: patient identification and signature anywhere in the note;
/// conservative care outside plans (with whether it failed and for how long); time in minutes.
enum DocumentationReader {
    /// `conventions`: the grammar words that shape a signer's name (`signer-filler`, `signer-name-end`).
    static func read(_ mentions: [Mention], _ note: AnalyzedNote, _ conventions: TextConventions) -> (DocumentationFacts, EncounterFacts) {
        var facts = DocumentationFacts()
        var encounter = EncounterFacts()
        for index in mentions.indices {
            guard case .documentation(let element) = mentions[index].kind else { continue }
            let (range, assertion, section) = (mentions[index].range, mentions[index].assertion, mentions[index].section)
            guard !assertion.isNegated, !assertion.isOtherExperiencer else { continue }
            switch element.element {
            case .patientIdentity:
                facts.patientIdentification.append(range, startingRoom: 8)
                guard let value = element.value else { continue }
                switch element.identifies ?? .name {
                case .birthDate: encounter.birthDate = encounter.birthDate ?? ClinicalDate(parsingUTF8: note.text.utf8[value.bytes])
                case .record: encounter.recordNumber = encounter.recordNumber ?? value
                case .name: encounter.patientName = encounter.patientName ?? value
                }
            case .signature:
                facts.signature.append(range, startingRoom: 8)
                if let value = element.value { encounter.provider = providerName(note.text[value], conventions) ?? encounter.provider }
            case .serviceDate:
                if let value = element.value, encounter.serviceDate == nil { encounter.serviceDate = ClinicalDate(parsingUTF8: note.text.utf8[value.bytes]) }
            case .provider:
                if let value = element.value, encounter.provider == nil { encounter.provider = providerName(note.text[value], conventions) }
            case .conservativeCare, .careFailed:
                guard !assertion.isHypothetical, ![.plan, .consent].contains(section) else { continue }
                if element.element == .careFailed {
                    facts.conservativeCareFailed = true
                } else {
                    facts.conservativeCare.append(range, startingRoom: 8)
                }
                if let weeks = element.weeks { facts.conservativeCareWeeks = max(facts.conservativeCareWeeks ?? 0, weeks) }
            case .time, .faceToFace:
                guard assertion.isAffirmedCurrent, let minutes = element.minutes else { continue }
                facts.minutes = max(facts.minutes ?? 0, minutes)
                facts.timeEvidence.append(range, startingRoom: 4)
            case .retention:
                guard assertion.isAffirmedCurrent, let minutes = element.minutes else { continue }
                facts.retentionMinutes = max(facts.retentionMinutes ?? 0, minutes)
                facts.timeEvidence.append(range, startingRoom: 4)
            }
        }
        return (facts, encounter)
    }

    /// "Anselm Ruiz-Takahashi, MD on 02/18/2026" → "Anselm Ruiz-Takahashi, MD": the name and
    /// credentials, without dates, times or notes in parentheses.
    static func providerName(_ value: String, _ conventions: TextConventions) -> String? {
        var value = value
        var name = value.withUTF8 { bytes -> [UInt8] in
            var name: [UInt8] = []
            name.reserveCapacity(bytes.count)
            var end = 0
            while end < bytes.count {
                // The next word, between spaces.
                var start = end
                while start < bytes.count, bytes[start] == UInt8(ascii: " ") { start += 1 }
                guard start < bytes.count else { break }
                end = start
                while end < bytes.count, bytes[end] != UInt8(ascii: " ") { end += 1 }
                let word = UnsafeBufferPointer(rebasing: bytes[start..<end])
                if startsWithNumber(word) || word.first == UInt8(ascii: "(") { break }
                let symbol = conventions.symbols.symbol(folding: word)  // folded once, read in both lists
                if conventions.words.contains(.signerNameEnd, symbol: symbol) { break }
                if conventions.words.contains(.signerFiller, symbol: symbol) { continue }
                if !name.isEmpty { name.append(UInt8(ascii: " ")) }
                name += word
            }
            return name
        }
        // Trailing ",", ".", ";" and ":" dropped.
        while let last = name.last, last == 0x2C || last == 0x2E || last == 0x3B || last == 0x3A { name.removeLast() }
        // A name starts with a capital: ASCII by its byte, anything else by its first Character.
        guard let first = name.first else { return nil }
        let text = String(decoding: name, as: UTF8.self)
        let isCapital = first < 0x80 ? first &- UInt8(ascii: "A") < 26 : text.first?.isUppercase == true
        return isCapital ? text : nil
    }

    private static func startsWithNumber(_ word: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let first = word.first else { return false }
        if first < 0x80 { return first >= 0x30 && first <= 0x39 }
        return String(decoding: word, as: UTF8.self).first?.isNumber == true
    }
}
