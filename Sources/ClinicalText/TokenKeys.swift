/// The folded lookup keys of a text's tokens (see ``KeyFolding``), by token index. The keys stand
/// one after another in one byte buffer, written there as they are folded, with no string per
/// token; a key becomes a `String` only when it is read as one.
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

    /// True when the key of token `index` is `text` (keys are folded: give it in lower case).
    /// Compares bytes: no string is made.
    @inlinable
    public func key(_ index: Int, is text: StaticString) -> Bool {
        withBytes(index) { $0.elementsEqual(UnsafeBufferPointer(start: text.utf8Start, count: text.utf8CodeUnitCount)) }
    }

    /// True when the key of token `index` ends with `text` (in lower case).
    @inlinable
    public func key(_ index: Int, endsWith text: StaticString) -> Bool {
        withBytes(index) { $0.count >= text.utf8CodeUnitCount
            && $0.suffix(text.utf8CodeUnitCount).elementsEqual(UnsafeBufferPointer(start: text.utf8Start, count: text.utf8CodeUnitCount)) }
    }

    /// The keys `writer` made; frees its buffer.
    init(_ writer: consuming KeyWriter) {
        (bytes, ends) = writer.finish()
    }
}

/// Writes a note's keys one after another while the tokenizer makes them, by pointer into one
/// buffer sized for the note (ASCII keys are as long as their text; ICU folding may grow it).
/// ``TokenKeys/init(_:)`` takes the keys and frees the buffer.
struct KeyWriter: ~Copyable {
    private var base: UnsafeMutablePointer<UInt8>
    private var capacity: Int
    private var used = 0
    private var ends: AppendBuffer<Int32>

    init(bytes: Int, keys: Int) {
        capacity = Swift.max(bytes, 16)
        base = .allocate(capacity: capacity)
        ends = AppendBuffer(capacity: keys)
    }

    /// Room for `count` more bytes after the keys; nothing is a key until ``commit(_:)``.
    mutating func room(_ count: Int) -> UnsafeMutablePointer<UInt8> {
        if used + count > capacity {
            capacity = Swift.max(capacity * 2, used + count)
            let grown = UnsafeMutablePointer<UInt8>.allocate(capacity: capacity)
            grown.initialize(from: base, count: used)
            base.deallocate()
            base = grown
        }
        return base + used
    }

    /// Ends a key of `count` bytes, written into ``room(_:)``.
    mutating func commit(_ count: Int) {
        used += count
        ends.append(Int32(used))
    }

    mutating func append(_ key: UnsafeBufferPointer<UInt8>) {
        if !key.isEmpty { room(key.count).initialize(from: key.baseAddress!, count: key.count) }
        commit(key.count)
    }

    /// The bytes of the last key.
    var lastKey: UnsafeBufferPointer<UInt8> {
        let start = ends.count > 1 ? Int(ends[ends.count - 2]) : 0
        return UnsafeBufferPointer(start: base + start, count: used - start)
    }

    mutating func removeLast(_ count: Int) {
        ends.removeLast(count)
        used = ends.last.map(Int.init) ?? 0
    }

    consuming func finish() -> (bytes: [UInt8], ends: [Int32]) {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(used)  // the specialized allocation (see `ShortLists.swift`)
        bytes.append(contentsOf: UnsafeBufferPointer(start: base, count: used))
        return (bytes, ends.moveToArray())
    }

    deinit { base.deallocate() }
}
