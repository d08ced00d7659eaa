/// One token of a note: a span, what kind of thing it is, and its lookup key's number.
///
/// A plain value (no references): copying a token copies a few words. The key itself, as a string,
/// stands at the token's index in ``TokenizedText/keys`` (``AnalyzedNote/keys``).
public struct Token: Sendable, Equatable, BitwiseCopyable {
    public enum Kind: Sendable, Equatable, BitwiseCopyable {
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
    /// The value and unit of a number or measurement.
    public var quantity: Quantity?
    /// True when no white space separates this token from the one before.
    public var joinsPrevious: Bool
    /// The number of the token's key among the lexicons' keys (``KeySymbols``), set by analysis;
    /// ``KeySymbols/unknown`` when no lexicon phrase contains the key.
    public var symbol: Int32
    /// The key's one byte when the key is a single ASCII character (most punctuation), else 0.
    public var mark: UInt8
    /// The key's first two bytes and its last (0 where the key is shorter): grammars test a token's
    /// shape with them ("l4…" may be a spinal level, "m5…" a diagnosis code, "…0" end a score)
    /// without reading the key.
    public var keyFirst: UInt8, keySecond: UInt8, keyLast: UInt8
    /// The white space between the previous token (or the text's start) and this one.
    public var spacing: Spacing

    /// True when the key is one of these one-character ASCII marks (`token.isMark(",.")`).
    @inlinable public func isMark(_ marks: StaticString) -> Bool {
        guard mark != 0 else { return false }
        for index in 0..<marks.utf8CodeUnitCount where marks.utf8Start[index] == mark { return true }
        return false
    }

    /// A token whose key (UTF-8, folded) is `key`, numbered `symbol`.
    public init(range: TextRange, kind: Kind, quantity: Quantity?, joinsPrevious: Bool, symbol: Int32,
                key: UnsafeBufferPointer<UInt8>, spacing: Spacing = Spacing()) {
        (self.range, self.kind, self.quantity, self.joinsPrevious, self.spacing) = (range, kind, quantity, joinsPrevious, spacing)
        (self.symbol, mark, keyFirst, keySecond, keyLast) = (0, 0, 0, 0, 0)
        setKey(symbol, key)
    }

    /// Gives the token a new key and its symbol, with the key bytes a token keeps.
    public mutating func setKey(_ symbol: Int32, _ key: UnsafeBufferPointer<UInt8>) {
        self.symbol = symbol
        mark = key.count == 1 ? key[0] : 0
        keyFirst = key.count > 0 ? key[0] : 0
        keySecond = key.count > 1 ? key[1] : 0
        keyLast = key.count > 0 ? key[key.count - 1] : 0
    }
}

/// Where a token stands in the note's layout, read from the white space before it.
public struct Spacing: Sendable, Equatable, BitwiseCopyable {
    /// The first token on its line (a line feed stands before it, or it is the text's first).
    public var startsLine = false
    /// A blank line stands before it.
    public var followsBlankLine = false
    /// Two or more spaces or tabs stand before it on its line (a flattened layout's column gap).
    public var followsWideGap = false

    public init() {}

    /// The spacing of a token after `lineFeeds` line feeds and, after the last of them, `spaces`
    /// spaces or tabs (other white space does not count).
    init(lineFeeds: Int, spaces: Int, isFirst: Bool) {
        startsLine = isFirst || lineFeeds > 0
        followsBlankLine = lineFeeds > 1
        followsWideGap = lineFeeds == 0 && spaces >= 2
    }
}

/// A text's tokens and, at the same index, each token's folded lookup key (see ``KeyFolding``).
public struct TokenizedText: Sendable {
    public var tokens: [Token] = []
    public var keys = TokenKeys()
}

/// A numeric value with an optional canonical unit (mg, mL, units, min, %, …).
public struct Quantity: Sendable, Hashable, BitwiseCopyable {
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
