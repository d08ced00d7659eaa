public import ClinicalText

/// How the note asserts a mention (ConText's dimensions).
public struct Assertion: Sendable, Hashable {
    public var isNegated = false
    public var isHistorical = false
    public var isHypothetical = false
    public var isPossible = false
    public var isOtherExperiencer = false

    public static let affirmed = Assertion()

    /// Affirmed, current, about the patient: what was done today.
    public var isAffirmedCurrent: Bool {
        !isNegated && !isHistorical && !isHypothetical && !isOtherExperiencer
    }

    /// Sets the flags of `categories`; false for pseudo, terminate and current triggers, which
    /// stand alone and assert nothing. (The phrases that set an assertion are not kept with it:
    /// ``ContextEngine/cues(of:in:)`` finds them again for the developer's view.)
    mutating func apply(_ categories: TriggerCategories) -> Bool {
        guard !categories.contains(.pseudo), !categories.contains(.terminate), !categories.contains(.current) else { return false }
        if categories.contains(.negated) { isNegated = true }
        if categories.contains(.historical) || categories.contains(.habit) { isHistorical = true }
        if categories.contains(.hypothetical) { isHypothetical = true }
        if categories.contains(.possible) { isPossible = true }
        if categories.contains(.otherExperiencer) { isOtherExperiencer = true }
        return true
    }
}

/// Where ``ContextEngine`` puts the phrases that set an assertion: nowhere when coding (every
/// mention is asserted, and a list per mention would be allocated and copied with it), in a list
/// for the developer's view.
protocol CueRecorder {
    mutating func record(_ cue: TextRange)
}

/// Drops the cues: the coding path.
struct IgnoredCues: CueRecorder {
    func record(_ cue: TextRange) {}
}

extension Array: CueRecorder where Element == TextRange {
    mutating func record(_ cue: TextRange) { append(cue) }
}
