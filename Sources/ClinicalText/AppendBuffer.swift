/// A list of plain values written by pointer, for the tokenizer's hot appends: a note's tokens
/// and key ends are appended hundreds of times, and `Array.append` checks the array's uniqueness
/// at each one. ``moveToArray()`` hands the values over as an array.
///
/// Only for plain values (`BitwiseCopyable`: nothing to retain or release); it never shrinks.
struct AppendBuffer<Element: BitwiseCopyable>: ~Copyable {
    private var base: UnsafeMutablePointer<Element>
    private var capacity: Int
    private(set) var count = 0

    init(capacity: Int) {
        self.capacity = Swift.max(capacity, 8)
        base = .allocate(capacity: self.capacity)
    }

    var isEmpty: Bool { count == 0 }
    var last: Element? { count > 0 ? base[count - 1] : nil }

    subscript(index: Int) -> Element {
        unsafeAddress {
            precondition(index >= 0 && index < count, "AppendBuffer index out of range")
            return UnsafePointer(base + index)
        }
        unsafeMutableAddress {
            precondition(index >= 0 && index < count, "AppendBuffer index out of range")
            return base + index
        }
    }

    @inline(__always)
    mutating func append(_ element: Element) {
        if count == capacity { grow() }
        (base + count).initialize(to: element)
        count += 1
    }

    mutating func removeLast(_ k: Int) {
        precondition(k >= 0 && k <= count, "AppendBuffer cannot remove more than it holds")
        count -= k
    }

    private mutating func grow() {
        capacity *= 2
        let grown = UnsafeMutablePointer<Element>.allocate(capacity: capacity)
        grown.moveInitialize(from: base, count: count)
        base.deallocate()
        base = grown
    }

    /// Moves the values out into an array, leaving the buffer empty.
    mutating func moveToArray() -> [Element] {
        let (base, count) = (self.base, self.count)
        self.count = 0
        return Array(unsafeUninitializedCapacity: count) { buffer, initialized in
            if count > 0 { buffer.baseAddress!.moveInitialize(from: base, count: count) }
            initialized = count
        }
    }

    deinit { base.deallocate() }
}
