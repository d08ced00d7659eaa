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

    /// Sets the flags of `categories` and records their cue; pseudo, terminate and current
    /// triggers (which stand alone) assert nothing.
    mutating func apply(_ categories: TriggerCategories, cue: TextRange) {
        guard !categories.contains(.pseudo), !categories.contains(.terminate), !categories.contains(.current) else { return }
        if categories.contains(.negated) { isNegated = true }
        if categories.contains(.historical) || categories.contains(.habit) { isHistorical = true }
        if categories.contains(.hypothetical) { isHypothetical = true }
        if categories.contains(.possible) { isPossible = true }
        if categories.contains(.otherExperiencer) { isOtherExperiencer = true }
        cues.append(cue)
    }
}
