/// Makes a token's key and finds its symbol. ASCII text (most tokens) is lower-cased straight into
/// the keys' buffer and looked up from there; other text is folded by ``KeyFolding`` (ICU).
struct KeyMaker {
    let text: NoteText
    let utf8: UnsafeBufferPointer<UInt8>
    let lookup: KeySymbols.Lookup

    /// Appends the key of the text in `range` to `keys` (then its ``KeyWriter/lastKey``); returns
    /// the key's symbol.
    func key(_ range: TextRange, into keys: inout KeyWriter) -> Int32 {
        let count = Int(range.end - range.start)
        let source = UnsafeBufferPointer(start: utf8.baseAddress! + Int(range.start), count: count)
        let room = keys.room(count)
        if let symbol = lookup.symbol(lowercasing: source, into: UnsafeMutableBufferPointer(start: room, count: count)) {
            keys.commit(count)
            return symbol
        }
        var key = KeyFolding.key(utf8: text.utf8[range.bytes])
        return key.withUTF8 { key in
            keys.append(key)
            return lookup.symbol(key)
        }
    }
}
