/// A set of single keys ("to", "through", ",") tested by a token's symbol: one array read, no
/// string hashing. Its keys are numbered in the ``KeySymbols`` that analysis numbers tokens by, so
/// the set must be built before that table is handed to analysis.
public struct KeySet: Sendable {
    @usableFromInline var members: [Bool] = []

    public init() {}

    /// The set of `keys` (folded keys, as ``KeyFolding/key(_:)`` makes them), numbered in `symbols`.
    public init(_ keys: some Sequence<String>, symbols: inout KeySymbols) {
        for key in keys { insert(key, symbols: &symbols) }
    }

    /// Adds a folded key, numbering it in `symbols` if it is new.
    public mutating func insert(_ key: String, symbols: inout KeySymbols) {
        let symbol = Int(symbols.intern(key))
        if members.count <= symbol { members += repeatElement(false, count: symbol + 1 - members.count) }
        members[symbol] = true
    }

    /// True when the token's key is in the set.
    @inlinable
    public func contains(_ token: Token) -> Bool { contains(symbol: token.symbol) }

    /// True when the key `symbol` numbers is in the set.
    @inlinable
    public func contains(symbol: Int32) -> Bool {
        let symbol = Int(symbol)
        return symbol >= 0 && symbol < members.count && members[symbol]
    }

    /// How many keys the set holds.
    public var count: Int { members.lazy.filter { $0 }.count }
}
