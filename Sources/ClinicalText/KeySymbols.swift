#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The lookup keys the lexicons know, numbered from 0. Each token of a note gets its key's number
/// once, during analysis (``Token/symbol``), so that phrase lookups index arrays with small
/// integers instead of hashing and comparing strings at every token of every table.
///
/// Keys are found by their UTF-8 bytes in an open-addressing table (FNV-1a hash, linear probing):
/// one short loop per token, no string hashing.
public struct KeySymbols: Sendable {
    /// The symbol of a key no lexicon phrase contains.
    public static let unknown: Int32 = -1

    /// Every key's bytes, one after the other; symbol `i` is `bytes[starts[i]..<starts[i + 1]]`.
    private var bytes: [UInt8] = []
    private var starts: [Int32] = [0]
    /// Symbols by hash slot (`unknown` for a free slot); the count is a power of two, at most half full.
    private var slots = [Int32](repeating: KeySymbols.unknown, count: 1024)

    public init() {}

    /// How many keys are numbered (symbols are `0..<count`).
    public var count: Int { starts.count - 1 }

    /// The key's symbol, numbering it if it is new (while lexicons are being loaded).
    public mutating func intern(_ key: String) -> Int32 {
        var key = key
        return key.withUTF8 { intern(utf8: $0) }
    }

    /// The symbol of a key given as UTF-8 bytes, numbering it if it is new.
    public mutating func intern(utf8 key: UnsafeBufferPointer<UInt8>) -> Int32 {
        let found = find(key)
        if found.symbol != Self.unknown { return found.symbol }
        let symbol = Int32(count)
        bytes += key
        starts.append(Int32(bytes.count))
        slots[found.slot] = symbol
        if count * 2 > slots.count { rehash() }
        return symbol
    }

    /// The key's symbol, or ``unknown``.
    public func symbol(_ key: String) -> Int32 {
        var key = key
        return key.withUTF8 { find($0).symbol }
    }

    /// The symbol of `key`, or `unknown` with the free slot where it would go.
    private func find(_ key: UnsafeBufferPointer<UInt8>) -> (symbol: Int32, slot: Int) {
        withLookup { $0.find(key, hash: Self.hash(key)) }
    }

    /// The symbol of the key of some text given as UTF-8 bytes (folded as ``KeyFolding`` folds
    /// it), or ``unknown``: ASCII text is lower-cased into a scratch buffer, with no `String`.
    public func symbol(folding text: UnsafeBufferPointer<UInt8>) -> Int32 {
        let ascii = withUnsafeTemporaryAllocation(of: UInt8.self, capacity: Swift.max(text.count, 1)) { folded in
            withLookup { $0.symbol(lowercasing: text, into: folded) }
        }
        return ascii ?? symbol(KeyFolding.key(utf8: Array(text)[...]))
    }

    /// Runs `body` with a ``Lookup`` over this table: many lookups without re-entering the arrays.
    public func withLookup<Result>(_ body: (Lookup) -> Result) -> Result {
        slots.withUnsafeBufferPointer { slots in
            starts.withUnsafeBufferPointer { starts in
                bytes.withUnsafeBufferPointer { bytes in
                    body(Lookup(slots: slots, starts: starts, bytes: bytes))
                }
            }
        }
    }

    /// Finds keys by their bytes; valid only inside ``withLookup(_:)``.
    public struct Lookup {
        let slots: UnsafeBufferPointer<Int32>
        let starts: UnsafeBufferPointer<Int32>
        let bytes: UnsafeBufferPointer<UInt8>

        /// The symbol of a key given as UTF-8 bytes, or ``KeySymbols/unknown``.
        public func symbol(_ key: UnsafeBufferPointer<UInt8>) -> Int32 { find(key, hash: KeySymbols.hash(key)).symbol }

        /// Lower-cases ASCII `text` into `folded` (at least as long) and returns the folded key's
        /// symbol, hashing as it goes; nil when a byte is not ASCII.
        public func symbol(lowercasing text: UnsafeBufferPointer<UInt8>, into folded: UnsafeMutableBufferPointer<UInt8>) -> Int32? {
            var hash = KeySymbols.hashSeed
            for index in 0..<text.count {
                guard text[index] < 0x80 else { return nil }
                let byte = KeyFolding.asciiLowercase(text[index])
                folded[index] = byte
                hash = KeySymbols.hash(hash, byte)
            }
            return find(UnsafeBufferPointer(rebasing: folded[0..<text.count]), hash: KeySymbols.finish(hash)).symbol
        }

        func find(_ key: UnsafeBufferPointer<UInt8>, hash: Int) -> (symbol: Int32, slot: Int) {
            let mask = slots.count - 1
            var slot = hash & mask
            while true {
                let symbol = slots[slot]
                if symbol == KeySymbols.unknown { return (symbol, slot) }
                let start = Int(starts[Int(symbol)]), end = Int(starts[Int(symbol) + 1])
                if end - start == key.count,
                   key.isEmpty || memcmp(bytes.baseAddress! + start, key.baseAddress!, key.count) == 0 {
                    return (symbol, slot)
                }
                slot = (slot + 1) & mask
            }
        }
    }

    private mutating func rehash() {
        slots = [Int32](repeating: Self.unknown, count: slots.count * 2)
        let mask = slots.count - 1
        for symbol in 0..<count {
            let hash = bytes.withUnsafeBufferPointer {
                Self.hash(UnsafeBufferPointer(rebasing: $0[Int(starts[symbol])..<Int(starts[symbol + 1])]))
            }
            var slot = hash & mask
            while slots[slot] != Self.unknown { slot = (slot + 1) & mask }
            slots[slot] = Int32(symbol)
        }
    }

    /// FNV-1a over the key's bytes, its high bits folded in.
    private static func hash(_ key: UnsafeBufferPointer<UInt8>) -> Int {
        var hash = hashSeed
        for byte in key { hash = Self.hash(hash, byte) }
        return finish(hash)
    }

    /// The hash of a key, byte by byte (the tokenizer hashes a word as it reads it): start from
    /// `hashSeed`, add each byte with `hash(_:_:)`, end with `finish(_:)`, then ``Lookup/find(_:hash:)``.
    static let hashSeed: UInt64 = 0xcbf2_9ce4_8422_2325
    @inline(__always) static func hash(_ hash: UInt64, _ byte: UInt8) -> UInt64 { (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
    @inline(__always) static func finish(_ hash: UInt64) -> Int { Int(truncatingIfNeeded: hash ^ (hash >> 29)) }
}

/// The values of one-word lexicon entries (ordinals, credentials …) by key symbol: a token's value
/// is one array read, with no string hashing.
///
/// Like a ``PhraseTable`` (a table of one-word phrases), a map can take a start bit in the notes'
/// ``PhraseStarts`` masks: then ``value(in:at:)`` turns most of a note's tokens away by reading
/// the note's small mask array in order, not this array (one entry per lexicon key) at random.
public struct SymbolMap<Value: Sendable>: Sendable {
    @usableFromInline let values: [Value?]
    /// The symbols that have a value, ascending (what ``PhraseStarts`` marks for the map).
    public let symbols: [Int32]
    /// The map's bit in ``PhraseStarts`` masks (``AnalyzedNote/phraseStarts``), given when the
    /// lexicons are loaded; 0 when it has none.
    public var startBit: UInt32 = 0

    /// `entries` maps symbols of `symbols` to values; built once all keys are numbered.
    public init(_ entries: [Int32: Value], symbols: KeySymbols) {
        var values = [Value?](repeating: nil, count: symbols.count)
        var hasValue = [Bool](repeating: false, count: symbols.count)
        for (symbol, value) in entries {
            values[Int(symbol)] = value
            hasValue[Int(symbol)] = true
        }
        self.values = values
        // Ascending by construction: no sort of the dictionary's keys.
        self.symbols = hasValue.indices.filter { hasValue[$0] }.map(Int32.init)
    }

    /// The value of the key of token `index` of a note, nil when it has none: a token without the
    /// map's start bit is turned away by one read of ``AnalyzedNote/phraseStarts``.
    @inlinable
    public func value(in note: AnalyzedNote, at index: Int) -> Value? {
        if startBit != 0, note.phraseStarts.count == note.tokens.count, note.phraseStarts[index] & startBit == 0 { return nil }
        return self[note.tokens[index].symbol]
    }

    /// The value of a key symbol (a token's ``Token/symbol``), nil when it has none.
    @inlinable
    public subscript(symbol: Int32) -> Value? {
        let symbol = Int(symbol)
        return symbol >= 0 && symbol < values.count ? values[symbol] : nil
    }
}
