/// The lookup keys the lexicons know, numbered from 0. Each token of a note gets its key's number
/// once, during analysis (``Token/symbol``), so that phrase lookups index arrays with small
/// integers instead of hashing and comparing strings at every token of every table.
public struct KeySymbols: Sendable {
    /// The symbol of a key no lexicon phrase contains.
    public static let unknown: Int32 = -1

    private var numbers: [String: Int32] = [:]

    public init() {}

    /// How many keys are numbered (symbols are `0..<count`).
    public var count: Int { numbers.count }

    /// The key's symbol, numbering it if it is new (while lexicons are being loaded).
    public mutating func intern(_ key: String) -> Int32 {
        if let number = numbers[key] { return number }
        let number = Int32(numbers.count)
        numbers[key] = number
        return number
    }

    /// The key's symbol, or ``unknown``.
    public func symbol(_ key: String) -> Int32 { numbers[key] ?? Self.unknown }
}

/// The values of one-word lexicon entries (ordinals, credentials …) by key symbol: a token's value
/// is one array read, with no string hashing.
public struct SymbolMap<Value: Sendable>: Sendable {
    private let values: [Value?]

    /// `entries` maps symbols of `symbols` to values; built once all keys are numbered.
    public init(_ entries: [Int32: Value], symbols: KeySymbols) {
        var values = [Value?](repeating: nil, count: symbols.count)
        for (symbol, value) in entries { values[Int(symbol)] = value }
        self.values = values
    }

    /// The value of the token's key, nil when it has none.
    public subscript(token: Token) -> Value? {
        let symbol = Int(token.symbol)
        return symbol >= 0 && symbol < values.count ? values[symbol] : nil
    }
}
