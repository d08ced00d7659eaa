/// Which of several phrase tables have a phrase starting with each key, as one bit per table: one
/// array read per token tells the tables a scan must try there, so several tables are scanned in
/// one pass over a sentence instead of one pass each.
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

    /// The bits of the tables with a phrase starting with the token's key; 0 for most tokens.
    @inlinable
    public func mask(of token: Token) -> UInt32 {
        let symbol = Int(token.symbol)
        return symbol >= 0 && symbol < masks.count ? masks[symbol] : 0
    }
}
