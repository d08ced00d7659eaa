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
