/// One token of a note: a span, what kind of thing it is, and its lookup key.
public struct Token: Sendable, Equatable {
    public enum Kind: Sendable, Equatable {
        /// Letters and digits, possibly joined by `-`, `/`, `.` or `:` ("L4-5", "s/p", "M54.16", "8/10").
        case word
        /// A plain number ("10", "0.5", "1,000"), possibly with a percent sign.
        case number
        /// A number with its unit ("10 mg", "10mg", "2.5cc", "10 mg/mL", "20 min").
        case measurement
        /// Anything else, one character at a time except arrows ("->").
        case punctuation
    }

    /// Where the token is (UTF-8 offsets).
    public var range: TextRange
    public var kind: Kind
    /// The folded lookup key (see ``KeyFolding``).
    public var key: String
    /// The value and unit of a number or measurement.
    public var quantity: Quantity?
    /// True when no white space separates this token from the one before.
    public var joinsPrevious: Bool
    /// The number of ``key`` among the lexicons' keys (``KeySymbols``), set by analysis;
    /// ``KeySymbols/unknown`` when no lexicon phrase contains the key.
    public var symbol: Int32 = KeySymbols.unknown

    /// The key's one byte when the key is a single ASCII character (most punctuation), else nil.
    @inlinable public var asciiKey: UInt8? {
        var utf8 = key.utf8.makeIterator()
        guard let first = utf8.next(), first < 0x80, utf8.next() == nil else { return nil }
        return first
    }

    /// True when the key is one of these one-character ASCII marks (`token.isMark(",.")`).
    @inlinable public func isMark(_ marks: StaticString) -> Bool {
        guard let byte = asciiKey else { return false }
        for index in 0..<marks.utf8CodeUnitCount where marks.utf8Start[index] == byte { return true }
        return false
    }

    public init(range: TextRange, kind: Kind, key: String, quantity: Quantity? = nil, joinsPrevious: Bool,
                symbol: Int32 = KeySymbols.unknown) {
        self.range = range
        self.kind = kind
        self.key = key
        self.quantity = quantity
        self.joinsPrevious = joinsPrevious
        self.symbol = symbol
    }
}

/// A numeric value with an optional canonical unit (mg, mL, units, min, %, …).
public struct Quantity: Sendable, Hashable {
    public var value: Double
    /// Canonical unit, as the unit lexicon names it; nil for a bare number.
    public var unit: MeasureUnit?
    /// The unit after a slash, for concentrations ("mg/mL" has unit "mg", per "mL").
    public var perUnit: MeasureUnit?

    public init(value: Double, unit: MeasureUnit? = nil, perUnit: MeasureUnit? = nil) {
        self.value = value
        self.unit = unit
        self.perUnit = perUnit
    }
}
