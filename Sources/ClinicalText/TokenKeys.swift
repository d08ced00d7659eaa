/// The folded lookup keys of a text's tokens (see ``KeyFolding``), by token index. The keys stand
/// one after another in one byte buffer: making a key copies its bytes, with no string per token;
/// a key becomes a `String` only when it is read as one.
public struct TokenKeys: RandomAccessCollection, Sendable {
    @usableFromInline var bytes: [UInt8] = []
    /// `ends[i]`: where key `i` ends in `bytes`; it starts where key `i - 1` ends.
    @usableFromInline var ends: [Int32] = []

    public init() {}

    public var startIndex: Int { 0 }
    public var endIndex: Int { ends.count }

    /// The key of token `index`, as a string.
    public subscript(index: Int) -> String {
        withBytes(index) { String(decoding: $0, as: UTF8.self) }
    }

    /// Runs `body` with the UTF-8 bytes of the key of token `index`.
    @inlinable
    public func withBytes<Result>(_ index: Int, _ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result {
        let start = index == 0 ? 0 : Int(ends[index - 1]), end = Int(ends[index])
        return bytes.withUnsafeBufferPointer { body(UnsafeBufferPointer(rebasing: $0[start..<end])) }
    }

    mutating func reserveCapacity(keys: Int, bytes count: Int) {
        ends.reserveCapacity(keys)
        bytes.reserveCapacity(count)
    }

    mutating func append(_ key: UnsafeBufferPointer<UInt8>) {
        bytes.append(contentsOf: key)
        ends.append(Int32(bytes.count))
    }

    mutating func removeLast(_ count: Int) {
        ends.removeLast(count)
        bytes.removeSubrange((ends.last.map(Int.init) ?? 0)...)
    }
}
