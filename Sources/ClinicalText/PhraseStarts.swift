/// Which of several phrase tables have a phrase starting with each key, as one bit per table (each
/// table's ``PhraseTable/startBit``). Analysis reads every token's bits once
/// (``AnalyzedNote/phraseStarts``); a table's scan then turns away the tokens without its bit by
/// one read of that array, and several tables can be scanned in one pass.
public struct PhraseStarts: Sendable {
    @usableFromInline let masks: [UInt32]

    /// The start bits of up to 32 tables; `startsPhrase(table, symbol)` tells whether table number
    /// `table` has a phrase starting with `symbol`, for every symbol of `symbols`.
    public init(tables: Int, symbols: KeySymbols, startsPhrase: (Int, Int32) -> Bool) {
        precondition(tables <= 32, "at most 32 tables")
        masks = (0..<Int32(symbols.count)).map { symbol in
            (0..<tables).reduce(UInt32(0)) { mask, table in startsPhrase(table, symbol) ? mask | 1 << table : mask }
        }
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
