/// Short lists that start with room: an array grown from empty allocates for one element, then
/// three, seven, fifteen…, so a list of eight made by `append` allocates four times. The per-note
/// lists (evidence spans, matches, sentence numbers) start with room for the few they usually hold.
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
}
