public import ClinicalText

/// How the note asserts a mention (ConText's dimensions).
public struct Assertion: Sendable, Hashable {
    public var isNegated = false
    public var isHistorical = false
    public var isHypothetical = false
    public var isPossible = false
    public var isOtherExperiencer = false
    /// The trigger phrases (or section headings) that set the flags above.
    public var cues: [TextRange] = []

    public static let affirmed = Assertion()

    /// Affirmed, current, about the patient: what was done today.
    public var isAffirmedCurrent: Bool {
        !isNegated && !isHistorical && !isHypothetical && !isOtherExperiencer
    }

    mutating func apply(_ categories: [TriggerCategory], cue: TextRange) {
        for category in categories {
            switch category {
            case .negated: isNegated = true
            case .historical, .habit: isHistorical = true
            case .hypothetical: isHypothetical = true
            case .possible: isPossible = true
            case .otherExperiencer: isOtherExperiencer = true
            case .pseudo, .terminate, .current: return
            }
        }
        cues.append(cue)
    }
}
