import ClinicalText
import NoteTagging

/// Documentation elements: patient identification and signature anywhere in the note;
/// conservative care outside plans (with whether it failed and for how long); time in minutes.
enum DocumentationReader {
    static func read(_ mentions: [Mention], _ note: AnalyzedNote) -> (DocumentationFacts, EncounterFacts) {
        var facts = DocumentationFacts()
        var encounter = EncounterFacts()
        for mention in mentions {
            guard case .documentation(let element) = mention.kind, !mention.assertion.isNegated,
                  !mention.assertion.isOtherExperiencer else { continue }
            switch element.element {
            case .patientIdentity:
                facts.patientIdentification.append(mention.range)
                guard let value = element.value else { continue }
                let label = note.text.utf8[mention.range.bytes].map { $0 | ($0 >= 0x41 && $0 <= 0x5A ? 0x20 : 0) }
                func says(_ word: StaticString) -> Bool {  // ASCII, byte by byte
                    let needle = UnsafeBufferPointer(start: word.utf8Start, count: word.utf8CodeUnitCount)
                    guard label.count >= needle.count else { return false }
                    return (0...(label.count - needle.count)).contains { start in needle.indices.allSatisfy { label[start + $0] == needle[$0] } }
                }
                if says("dob") || says("birth") || says("d.o.b") {
                    encounter.birthDate = encounter.birthDate ?? ClinicalDate(parsing: note.text[value])
                } else if says("mrn") || says("record") || says("mr") || says("id") || says("acc") {
                    encounter.recordNumber = encounter.recordNumber ?? value
                } else {
                    encounter.patientName = encounter.patientName ?? value
                }
            case .signature:
                facts.signature.append(mention.range)
                if let value = element.value { encounter.provider = providerName(note.text[value]) ?? encounter.provider }
            case .serviceDate:
                if let value = element.value, encounter.serviceDate == nil { encounter.serviceDate = ClinicalDate(parsing: note.text[value]) }
            case .provider:
                if let value = element.value, encounter.provider == nil { encounter.provider = providerName(note.text[value]) }
            case .conservativeCare, .careFailed:
                guard !mention.assertion.isHypothetical, ![.plan, .consent].contains(mention.section) else { continue }
                if element.element == .careFailed {
                    facts.conservativeCareFailed = true
                } else {
                    facts.conservativeCare.append(mention.range)
                }
                if let weeks = element.weeks { facts.conservativeCareWeeks = max(facts.conservativeCareWeeks ?? 0, weeks) }
            case .time, .faceToFace:
                guard mention.isCurrentFact, let minutes = element.minutes else { continue }
                facts.minutes = max(facts.minutes ?? 0, minutes)
                facts.timeEvidence.append(mention.range)
            case .retention:
                guard mention.isCurrentFact, let minutes = element.minutes else { continue }
                facts.retentionMinutes = max(facts.retentionMinutes ?? 0, minutes)
                facts.timeEvidence.append(mention.range)
            }
        }
        return (facts, encounter)
    }

    /// "Anselm Ruiz-Takahashi, MD on 02/18/2026" → "Anselm Ruiz-Takahashi, MD": the name and
    /// credentials, without dates, times or notes in parentheses.
    static func providerName(_ value: String) -> String? {
        var words: [Substring] = []
        for word in value.split(separator: " ") {
            if word.first?.isNumber == true || word.hasPrefix("(") || ["on", "at", "-", "--", "—", "–", "|"].contains(word.lowercased()) { break }
            if ["signed", "electronically", "e-signed", "by", "signed:", "esigned"].contains(word.lowercased()) { continue }
            words.append(word)
        }
        var name = words.joined(separator: " ")
        while let last = name.last, [",", ".", ";", ":"].contains(last) { name.removeLast() }
        return name.isEmpty || !(name.first?.isUppercase ?? false) ? nil : name
    }
}
