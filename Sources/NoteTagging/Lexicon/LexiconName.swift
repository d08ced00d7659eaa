import Synchronization

/// A name a lexicon gives (a drug's generic name, a block's target, a contrast agent, a muscle),
/// as a plain value: its text is interned once, in storage kept for the life of the process, and a
/// name is one pointer to it. A mention that carries one is copied as bits, with nothing to retain.
///
/// Only lexicon text is interned (a bounded set, read once when the lexicons load); note text never is.
public struct LexiconName: Hashable, Comparable, @unchecked Sendable, BitwiseCopyable, CustomStringConvertible {
    /// The text's length (an `Int`), then its UTF-8 bytes; immutable and never freed.
    private let storage: UnsafeRawPointer

    /// The name for `text`: the same storage for the same text, wherever it is interned.
    public init(_ text: String) {
        storage = Self.interned.withLock { table in
            if let storage = table[text] { return storage }
            let count = text.utf8.count
            let storage = UnsafeMutableRawPointer.allocate(byteCount: MemoryLayout<Int>.size + count, alignment: MemoryLayout<Int>.alignment)
            storage.storeBytes(of: count, as: Int.self)
            UnsafeMutableRawBufferPointer(start: storage + MemoryLayout<Int>.size, count: count).copyBytes(from: text.utf8)
            table[text] = UnsafeRawPointer(storage)
            return UnsafeRawPointer(storage)
        }
    }

    private var bytes: UnsafeBufferPointer<UInt8> {
        UnsafeBufferPointer(start: (storage + MemoryLayout<Int>.size).assumingMemoryBound(to: UInt8.self),
                            count: storage.load(as: Int.self))
    }

    public var string: String { String(decoding: bytes, as: UTF8.self) }
    public var description: String { string }

    /// Interned: one text, one address.
    public static func == (lhs: LexiconName, rhs: LexiconName) -> Bool { lhs.storage == rhs.storage }
    public func hash(into hasher: inout Hasher) { hasher.combine(storage) }

    /// In the order of their text (UTF-8 byte order: code point order, as `String` orders NFC text).
    public static func < (lhs: LexiconName, rhs: LexiconName) -> Bool {
        lhs != rhs && lhs.bytes.lexicographicallyPrecedes(rhs.bytes)
    }

    /// True when the name's text is `text`.
    public func spells(_ text: StaticString) -> Bool {
        bytes.elementsEqual(UnsafeBufferPointer(start: text.utf8Start, count: text.utf8CodeUnitCount))
    }

    private static let interned = Mutex<[String: UnsafeRawPointer]>([:])
}
