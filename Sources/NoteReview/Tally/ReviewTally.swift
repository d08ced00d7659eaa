public import ProcedureCoding

/// Every figure of the review, counted one note at a time: memory grows with the number of
/// providers, flag ids and families, never with the number of notes.
public struct ReviewTally: Sendable {
    /// Result lines read (coded and unreadable).
    public private(set) var notes = 0
    /// Error records and lines that are not results.
    public private(set) var unreadable = 0
    /// Notes with at least one error- or warning-severity flag.
    public private(set) var notesWithGaps = 0
    /// Notes with codes and no error or warning flag.
    public private(set) var fullySupported = 0
    /// Coded notes with at least one code line (the denominator of the supported share).
    public private(set) var notesWithCodes = 0
    /// Notes raising each flag id (a note counts once per id, however many procedures it concerns).
    public private(set) var notesByFlag: [String: Int] = [:]
    /// The severity each flag id was raised with.
    public private(set) var severityByFlag: [String: Severity] = [:]
    /// Procedures per contract family.
    public private(set) var proceduresByFamily: [String: Int] = [:]
    /// Notes per pain change (post − pre, rounded to whole points), for notes with both scores.
    public private(set) var notesByPainChange: [Int: Int] = [:]
    /// Per provider, keyed by ``ProviderTally/key(_:)``.
    public private(set) var providers: [String: ProviderTally] = [:]

    public init() {}

    public var codedNotes: Int { notes - unreadable }

    public mutating func add(_ note: ReviewedNote) {
        notes += 1
        guard case .coded(let coded) = note else {
            unreadable += 1
            return
        }
        if !coded.gaps.isEmpty { notesWithGaps += 1 }
        if !coded.codes.isEmpty { notesWithCodes += 1 }
        if coded.isFullySupported { fullySupported += 1 }
        for flag in Self.distinctFlags(coded) {
            notesByFlag[flag.id, default: 0] += 1
            severityByFlag[flag.id] = severityByFlag[flag.id] ?? flag.severity
        }
        for family in coded.families { proceduresByFamily[family, default: 0] += 1 }
        if let change = coded.painChange { notesByPainChange[Int(change.rounded()), default: 0] += 1 }
        providers[ProviderTally.key(coded.provider), default: ProviderTally()].add(coded)
    }

    /// Flag ids in the order a reviewer reads them: most notes first, then the contract's order.
    public var flagIDsByFrequency: [String] {
        notesByFlag.keys.sorted { lhs, rhs in
            let (left, right) = (notesByFlag[lhs]!, notesByFlag[rhs]!)
            return left != right ? left > right : Self.contractOrder(lhs, rhs)
        }
    }

    /// Providers with the most notes first, then by name; the unnamed provider last.
    public var providersByNotes: [ProviderTally] {
        providers.values.sorted { lhs, rhs in
            if (lhs.name == nil) != (rhs.name == nil) { return rhs.name == nil }
            return lhs.notes != rhs.notes ? lhs.notes > rhs.notes : (lhs.name ?? "") < (rhs.name ?? "")
        }
    }

    /// Contract order for known flag ids, unknown ids after them alphabetically.
    static func contractOrder(_ lhs: String, _ rhs: String) -> Bool {
        switch (FlagID(rawValue: lhs), FlagID(rawValue: rhs)) {
        case let (left?, right?): left < right
        case (.some, nil): true
        case (nil, .some): false
        case (nil, nil): lhs < rhs
        }
    }

    /// One flag per id (the first raised), so a note counts once per gap.
    static func distinctFlags(_ note: CodedNote) -> [ReviewedFlag] {
        var seen: Set<String> = []
        return note.flags.filter { seen.insert($0.id).inserted }
    }
}

/// One provider's notes and gaps. Spellings of a name that differ only in case, punctuation or
/// spacing ("R. Thibodeaux MD", "R Thibodeaux, MD") are one provider, shown as the commonest.
public struct ProviderTally: Sendable {
    public private(set) var notes = 0
    public private(set) var notesWithGaps = 0
    public private(set) var fullySupported = 0
    public private(set) var notesByFlag: [String: Int] = [:]
    private var spellings: [String: Int] = [:]

    /// The provider as most often written; nil for notes that name no provider.
    public var name: String? {
        spellings.max { lhs, rhs in lhs.value != rhs.value ? lhs.value < rhs.value : lhs.key > rhs.key }?.key
    }

    /// The flag this provider raises on the most notes (ties: the contract's order), with its count.
    public var commonestGap: (id: String, notes: Int)? {
        notesByFlag.min { lhs, rhs in
            lhs.value != rhs.value ? lhs.value > rhs.value : ReviewTally.contractOrder(lhs.key, rhs.key)
        }.map { ($0.key, $0.value) }
    }

    /// The share of this provider's notes raising a flag, 0–1.
    public func rate(_ flag: String) -> Double { notes == 0 ? 0 : Double(notesByFlag[flag] ?? 0) / Double(notes) }

    mutating func add(_ note: CodedNote) {
        notes += 1
        if !note.gaps.isEmpty { notesWithGaps += 1 }
        if note.isFullySupported { fullySupported += 1 }
        for flag in ReviewTally.distinctFlags(note) { notesByFlag[flag.id, default: 0] += 1 }
        if let provider = note.provider { spellings[provider, default: 0] += 1 }
    }

    /// The grouping key of a provider name: letters and digits in lower case, words single-spaced.
    public static func key(_ name: String?) -> String {
        guard let name else { return "" }
        return name.lowercased().split { !$0.isLetter && !$0.isNumber }.joined(separator: " ")
    }
}
