/// How the per-note lists are allocated.
///
/// Short lists start with room: an array grown from empty allocates for one element, then three,
/// seven, fifteen…, so a list of eight made by `append` allocates four times. The per-note lists
/// (evidence spans, matches, sentence numbers) start with room for the few they usually hold.
///
/// Filled and copied lists go through the specialized allocation: `init(repeating:count:)`,
/// `init(unsafeUninitializedCapacity:initializingWith:)` and `Array(someBuffer)` call the standard
/// library's unspecialized allocator, which looks up the storage class's generic metadata at run
/// time on every call (some 400 instructions, sixteen times a note); `reserveCapacity` does not.
extension Array {
    /// Appends `element`; the list's first allocation has room for `room` elements.
    @inlinable @inline(__always)
    public mutating func append(_ element: Element, startingRoom room: Int) {
        if capacity == 0 { reserveCapacity(room) }
        append(element)
    }

    /// Appends `elements`; the list's first allocation has room for `room` elements (or all of them).
    @inlinable @inline(__always)
    public mutating func append(contentsOf elements: [Element], startingRoom room: Int) {
        if capacity == 0 { reserveCapacity(Swift.max(room, elements.count)) }
        append(contentsOf: elements)
    }

    /// `count` copies of `value` (`init(repeating:count:)`, allocated the specialized way).
    @inlinable
    public init(filling value: Element, count: Int) {
        self.init()
        reserveCapacity(count)
        append(contentsOf: repeatElement(value, count: count))
    }
}
