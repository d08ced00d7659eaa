/// The folded lookup keys of a text's tokens (see ``KeyFolding``), by token index. The keys stand
/// one after another in one byte buffer, written there as they are folded, with no string per
/// token; a key becomes a `String` only when it is read as one.
public struct TokenKeys: RandomAccessCollection, Sendable {
    @usableFromInline var bytes: [UInt8] = []
    /// `ends[i]`: where key `i` ends in `bytes`; it starts where key `i - 1` ends.
    @usableFromInline var ends: [Int32] = []
    /// How many bytes of `bytes` hold keys; while keys are being made, room may follow them.
    @usableFromInline var used = 0

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

    /// Makes room for at least `bytes` bytes of keys.
    mutating func reserveCapacity(keys: Int, bytes count: Int) {
        ends.reserveCapacity(keys)
        if bytes.isEmpty { bytes = [UInt8](repeating: 0, count: count) } else if bytes.count < count { bytes += repeatElement(0, count: count - bytes.count) }
    }

    /// Runs `write` on room for `count` more bytes after the keys, without ending a key.
    mutating func write<Result>(_ count: Int, _ write: (UnsafeMutableBufferPointer<UInt8>) -> Result) -> Result {
        if used + count > bytes.count { bytes += repeatElement(0, count: Swift.max(bytes.count, used + count - bytes.count)) }
        let used = used
        return bytes.withUnsafeMutableBufferPointer { write(UnsafeMutableBufferPointer(rebasing: $0[used..<used + count])) }
    }

    /// Ends a key of `count` bytes, written by ``write(_:_:)``.
    mutating func commit(_ count: Int) {
        used += count
        ends.append(Int32(used))
    }

    /// The last key's byte when the key is a single ASCII character, else 0 (``Token/mark``).
    var lastMark: UInt8 {
        let start = ends.count > 1 ? Int(ends[ends.count - 2]) : 0
        return used - start == 1 && bytes[start] < 0x80 ? bytes[start] : 0
    }

    mutating func append(_ key: UnsafeBufferPointer<UInt8>) {
        write(key.count) { _ = $0.initialize(from: key) }
        commit(key.count)
    }

    mutating func removeLast(_ count: Int) {
        ends.removeLast(count)
        used = ends.last.map(Int.init) ?? 0
    }

    /// Drops the room after the keys, once they are all made.
    mutating func trim() {
        bytes.removeSubrange(used...)
    }
}
