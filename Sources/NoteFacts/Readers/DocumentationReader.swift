import ClinicalText
import NoteTagging

/// Documentation elements: patient identification and signature anywhere in the note;
/// conservative care outside plans (with whether it failed and for how long); time in minutes.
enum DocumentationReader {
    static func read(_ mentions: [Mention]) -> DocumentationFacts {
        var facts = DocumentationFacts()
        for mention in mentions {
            guard case .documentation(let element) = mention.kind, !mention.assertion.isNegated,
                  !mention.assertion.isOtherExperiencer else { continue }
            switch element.element {
            case .patientIdentity:
                facts.patientIdentification.append(mention.range)
            case .signature:
                facts.signature.append(mention.range)
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
        return facts
    }
}
