/// Which of several phrase tables have a phrase starting with each key, as one bit per table (each
/// table's ``PhraseTable/startBit``). Analysis reads every token's bits once
/// (``AnalyzedNote/phraseStarts``); a table's scan then turns away the tokens without its bit by
/// one read of that array, and several tables can be scanned in one pass.
///
/// Above the tables' bits, a token's mask also marks its shape (``letterDigit``, ``digitLed``), for
/// the grammars that look for a shape rather than a word: they skip tokens and sentences by the
/// same masks.
public struct PhraseStarts: Sendable {
    @usableFromInline let masks: [UInt32]

    /// How many tables can have start bits (the bits below the shape bits).
    public static let tableBits = 30
    /// The token's key starts with an ASCII letter, then a digit: "l4", "c5-6", "s1", "m54.16".
    public static let letterDigit: UInt32 = 1 << 31
    /// The token's key starts with an ASCII digit: numbers, measurements, "7/10", "2023-01-02".
    public static let digitLed: UInt32 = 1 << 30

    /// The start bits of up to ``tableBits`` tables: `firstSymbols[i]` holds the symbols that
    /// phrases of table number `i` (bit `1 << i`) start with (``PhraseTable/firstSymbols``); every
    /// symbol of `symbols` gets its mask.
    public init(symbols: KeySymbols, firstSymbols: [[Int32]]) {
        precondition(firstSymbols.count <= Self.tableBits, "at most \(Self.tableBits) tables")
        var masks = [UInt32](repeating: 0, count: symbols.count)
        for (table, firsts) in firstSymbols.enumerated() {
            for symbol in firsts { masks[Int(symbol)] |= 1 << UInt32(table) }
        }
        self.masks = masks
    }

    /// The bits of each token, in order: those of the tables with a phrase starting with its key,
    /// and of its shape (0 for most).
    public func masks(of tokens: [Token]) -> [UInt32] {
        masks.withUnsafeBufferPointer { masks in
            [UInt32](unsafeUninitializedCapacity: tokens.count) { out, count in
                for index in tokens.indices {
                    let token = tokens[index]
                    let symbol = Int(token.symbol)
                    let shape = token.keyFirst &- 0x30 < 10 ? Self.digitLed
                        : (token.keyFirst | 0x20) &- 0x61 < 26 && token.keySecond &- 0x30 < 10 ? Self.letterDigit : 0
                    out[index] = (symbol >= 0 && symbol < masks.count ? masks[symbol] : 0) | shape
                }
                count = tokens.count
            }
        }
    }
}
