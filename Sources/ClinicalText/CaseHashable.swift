/// A payload-free enum with string raw values, hashed by its case rather than by its raw string.
///
/// The standard library hashes a raw-value enum through its `rawValue`, so every `Set` or
/// `Dictionary` lookup of such a value hashes a string; adopting this hashes one byte instead.
/// Equality is unchanged.
public protocol CaseHashable: Hashable, RawRepresentable where RawValue == String {}

extension CaseHashable {
    @inlinable public func hash(into hasher: inout Hasher) {
        withUnsafeBytes(of: self) { hasher.combine(bytes: $0) }
    }
}

extension CaseHashable {
    /// The case's place in declaration order: the enum's one-byte tag, which ``hash(into:)``
    /// hashes (Swift's ABI numbers the cases of an enum without payloads in declaration order;
    /// debug builds check it against `allCases` whenever a ``CaseMap`` or ``CaseSet`` is built).
    @inlinable public var caseOrdinal: Int { withUnsafeBytes(of: self) { $0.isEmpty ? 0 : Int($0[0]) } }
}

extension CaseHashable where Self: CaseIterable {
    /// Stops when the enum's tag is wider than a byte; debug builds also when a case's
    /// ``caseOrdinal`` is not its place in `allCases`.
    @usableFromInline static func checkCaseOrdinals() {
        precondition(MemoryLayout<Self>.size <= 1, "\(Self.self): more cases than a one-byte tag holds")
        assert(allCases.enumerated().allSatisfy { $0.element.caseOrdinal == $0.offset },
               "\(Self.self): case ordinals are not their places in allCases")
    }
}

/// Values by the cases of an enum, in an array indexed by ``CaseHashable/caseOrdinal``: a lookup
/// is one array read instead of hashing.
public struct CaseMap<Key: CaseHashable & CaseIterable, Value> {
    @usableFromInline let values: [Value?]

    public init(_ entries: [Key: Value]) {
        Key.checkCaseOrdinals()
        values = Key.allCases.map { entries[$0] }
    }

    @inlinable public subscript(key: Key) -> Value? { values[key.caseOrdinal] }
}

extension CaseMap: Sendable where Value: Sendable {}

/// A set of an enum's cases (at most 64) as bits by ``CaseHashable/caseOrdinal``: membership is a
/// shift and a mask instead of hashing.
public struct CaseSet<Element: CaseHashable & CaseIterable>: Sendable, Hashable {
    @usableFromInline var bits: UInt64 = 0

    @inlinable
    public init<Elements: Sequence>(_ elements: Elements) where Elements.Element == Element {
        self.init()
        for element in elements { insert(element) }
    }

    /// The empty set. Stops when the enum has more than 64 cases, or a tag wider than a byte
    /// (``CaseHashable/checkCaseOrdinals()``): then neither bits nor ``Iterator`` could hold its cases.
    @inlinable public init() {
        precondition(Element.allCases.count <= 64, "\(Element.self) has more cases than a CaseSet holds")
        Element.checkCaseOrdinals()
    }

    @inlinable public func contains(_ element: Element) -> Bool { bits & 1 << UInt64(element.caseOrdinal) != 0 }

    @inlinable public mutating func insert(_ element: Element) { bits |= 1 << UInt64(element.caseOrdinal) }

    @inlinable public func union(_ other: CaseSet) -> CaseSet {
        var union = self
        union.bits |= other.bits
        return union
    }

    @inlinable public mutating func formUnion(_ elements: some Sequence<Element>) {
        for element in elements { insert(element) }
    }

    @inlinable public var isEmpty: Bool { bits == 0 }

    /// The set's first case in declaration order.
    @inlinable public var first: Element? {
        var iterator = makeIterator()
        return iterator.next()
    }

    /// True when no case is in both sets.
    public func isDisjoint(with other: CaseSet) -> Bool { bits & other.bits == 0 }
}

/// A set's cases in declaration order (which is `allCases` order): the lowest one is `first`.
extension CaseSet: Sequence {
    public struct Iterator: IteratorProtocol {
        @usableFromInline var bits: UInt64

        @inlinable init(bits: UInt64) { self.bits = bits }

        @inlinable public mutating func next() -> Element? {
            guard bits != 0 else { return nil }
            let ordinal = bits.trailingZeroBitCount
            bits &= bits - 1
            // The case whose one-byte tag is `ordinal` (the invariant ``caseOrdinal`` reads).
            return withUnsafeBytes(of: UInt8(ordinal)) { $0.load(as: Element.self) }
        }
    }

    @inlinable public func makeIterator() -> Iterator { Iterator(bits: bits) }

    @inlinable public var underestimatedCount: Int { bits.nonzeroBitCount }
}

extension CaseSet: ExpressibleByArrayLiteral {
    @inlinable public init(arrayLiteral elements: Element...) { self.init(elements) }
}
