/// A list of at most `capacity` plain values, stored inline: no allocation, nothing to retain, and
/// a list is copied as bits. For the short lists inside a mention (a level expression's items, a
/// dose's spans), so that a mention is a plain value too.
@frozen
public struct InlineList<let capacity: Int, Element: BitwiseCopyable>: RandomAccessCollection, BitwiseCopyable {
    @usableFromInline var storage = InlineArray<capacity, Element?>(repeating: nil)
    @usableFromInline var stored: UInt8 = 0

    @inlinable public init() {}

    @inlinable
    public init(_ elements: some Sequence<Element>) {
        for element in elements { append(element) }
    }

    @inlinable public var count: Int { Int(stored) }
    @inlinable public var startIndex: Int { 0 }
    @inlinable public var endIndex: Int { Int(stored) }
    @inlinable public var isFull: Bool { Int(stored) == capacity }

    @inlinable
    public subscript(index: Int) -> Element {
        precondition(index >= 0 && index < count, "InlineList index out of range")
        return storage[index]!
    }

    /// Appends `element`; the list must not be full (``isFull``).
    @inlinable
    public mutating func append(_ element: Element) {
        precondition(count < capacity && capacity <= Int(UInt8.max), "an InlineList holds at most \(capacity) elements")
        storage[count] = element
        stored += 1
    }
}

extension InlineList: ExpressibleByArrayLiteral {
    @inlinable public init(arrayLiteral elements: Element...) { self.init(elements) }
}

extension InlineList: Equatable where Element: Equatable {
    @inlinable public static func == (lhs: Self, rhs: Self) -> Bool { lhs.elementsEqual(rhs) }
}

extension InlineList: Hashable where Element: Hashable {
    @inlinable
    public func hash(into hasher: inout Hasher) {
        hasher.combine(count)
        for element in self { hasher.combine(element) }
    }
}

extension InlineList: Sendable where Element: Sendable {}
