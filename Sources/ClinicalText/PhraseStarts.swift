/// Which of several phrase tables have a phrase starting with each key, as one bit per table (each
/// table's ``PhraseTable/startBit``). Analysis reads every token's bits once
/// (``AnalyzedNote/phraseStarts``); a table's scan then turns away the tokens without its bit by
/// one read of that array, and several tables can be scanned in one pass.
public struct PhraseStarts: Sendable {
    @usableFromInline let masks: [UInt32]

    /// The start bits of up to 32 tables: `firstSymbols[i]` holds the symbols that phrases of
    /// table number `i` (bit `1 << i`) start with (``PhraseTable/firstSymbols``); every symbol of
    /// `symbols` gets its mask.
    public init(symbols: KeySymbols, firstSymbols: [[Int32]]) {
        precondition(firstSymbols.count <= 32, "at most 32 tables")
        var masks = [UInt32](repeating: 0, count: symbols.count)
        for (table, firsts) in firstSymbols.enumerated() {
            for symbol in firsts { masks[Int(symbol)] |= 1 << UInt32(table) }
        }
        self.masks = masks
    }

    /// The bits of each token, in order: those of the tables with a phrase starting with its key (0 for most).
    public func masks(of tokens: [Token]) -> [UInt32] {
        masks.withUnsafeBufferPointer { masks in
            [UInt32](unsafeUninitializedCapacity: tokens.count) { out, count in
                for index in tokens.indices {
                    let symbol = Int(tokens[index].symbol)
                    out[index] = symbol >= 0 && symbol < masks.count ? masks[symbol] : 0
                }
                count = tokens.count
            }
        }
    }
}
