/// A half-open span of a note's text, in **UTF-8 byte offsets** from the start of the text.
///
/// The only span type inside the pipeline; the contract's scalar offsets are computed once, when a
/// result is encoded (see ``ScalarOffsetMap``).
public struct TextRange: Hashable, Comparable, Sendable, CustomStringConvertible, BitwiseCopyable {
    /// First byte of the span (UTF-8 offset).
    public var start: Int32
    /// One past the last byte of the span (UTF-8 offset).
    public var end: Int32

    public init(start: Int32, end: Int32) {
        precondition(start <= end, "a text range cannot end before it starts")
        self.start = start
        self.end = end
    }

    public init(_ start: Int, _ end: Int) {
        self.init(start: Int32(start), end: Int32(end))
    }

    /// A span of offsets the caller has already checked: in order, and inside a text whose
    /// length fits `Int32` (the tokenizer's, checked once a text instead of at every token).
    @inline(__always)
    init(checkedOffsets start: Int, _ end: Int) {
        assert(start <= end && end <= Int(Int32.max), "a text range out of order or past Int32")
        self.start = Int32(truncatingIfNeeded: start)
        self.end = Int32(truncatingIfNeeded: end)
    }

    public var length: Int { Int(end - start) }
    /// The span as a range of byte indices, for slicing ``NoteText/utf8``.
    public var bytes: Range<Int> { Int(start)..<Int(end) }
    public var isEmpty: Bool { start == end }

    /// The smallest range that covers both ranges.
    public func union(_ other: TextRange) -> TextRange {
        TextRange(start: min(start, other.start), end: max(end, other.end))
    }

    public func overlaps(_ other: TextRange) -> Bool { start < other.end && other.start < end }
    public func contains(_ other: TextRange) -> Bool { start <= other.start && other.end <= end }

    public static func < (lhs: TextRange, rhs: TextRange) -> Bool {
        (lhs.start, lhs.end) < (rhs.start, rhs.end)
    }

    public var description: String { "@\(start)-\(end)" }
}

extension Array where Element: Comparable {
    /// Sorted, without repeats (evidence lists, levels, names). A list already in strictly
    /// increasing order is returned as it is; otherwise one sort, no hashing.
    @inlinable public func normalized() -> [Element] {
        var index = 1
        while index < count, self[index - 1] < self[index] { index += 1 }
        if index >= count { return self }
        // One sort into a new array, then its repeats dropped in place.
        var out = sorted()
        var kept = 1
        for index in 1..<out.count where out[index] != out[kept - 1] {
            out[kept] = out[index]
            kept += 1
        }
        out.removeLast(out.count - kept)
        return out
    }
}
