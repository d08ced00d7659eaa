/// A JSON value with a deterministic writer: object keys sorted by UTF-8 bytes, integral numbers
/// without a fraction ("10", not "10.0"), slashes unescaped. Same value, same bytes, every run.
public enum JSONValue: Sendable, Equatable {
    case null
    case bool(Bool)
    case number(Double)
    case string(String)
    case array([JSONValue])
    case object(JSONObject)

    /// Compact (one line) or pretty (two-space indent) JSON text.
    public func serialized(pretty: Bool = false) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(4096)
        write(into: &out, pretty: pretty, indent: 0)
        return String(decoding: out, as: UTF8.self)
    }

    /// Appends the JSON text's UTF-8 bytes (compact, or pretty with a two-space indent).
    public func write(into out: inout [UInt8], pretty: Bool = false, indent: Int = 0) {
        switch self {
        case .null: out += "null".utf8
        case .bool(let value): out += (value ? "true" : "false").utf8
        case .number(let value): Self.writeNumber(value, into: &out)
        case .string(let value): Self.escape(value, into: &out)
        case .array(let items):
            guard !items.isEmpty else { out += "[]".utf8; return }
            out.append(UInt8(ascii: "["))
            for (index, item) in items.enumerated() {
                if index > 0 { out.append(UInt8(ascii: ",")) }
                if pretty { Self.newline(indent + 1, into: &out) }
                item.write(into: &out, pretty: pretty, indent: indent + 1)
            }
            if pretty { Self.newline(indent, into: &out) }
            out.append(UInt8(ascii: "]"))
        case .object(let object):
            guard !object.isEmpty else { out += "{}".utf8; return }
            out.append(UInt8(ascii: "{"))
            for (index, member) in object.members.enumerated() {
                if index > 0 { out.append(UInt8(ascii: ",")) }
                if pretty { Self.newline(indent + 1, into: &out) }
                Self.escape(member.key, into: &out)
                out += (pretty ? ": " : ":").utf8
                member.value.write(into: &out, pretty: pretty, indent: indent + 1)
            }
            if pretty { Self.newline(indent, into: &out) }
            out.append(UInt8(ascii: "}"))
        }
    }

    private static func newline(_ indent: Int, into out: inout [UInt8]) {
        out.append(UInt8(ascii: "\n"))
        for _ in 0..<indent { out += "  ".utf8 }
    }

    /// A number as the writer prints it ("10", "0.5").
    public static func format(_ value: Double) -> String {
        var out: [UInt8] = []
        writeNumber(value, into: &out)
        return String(decoding: out, as: UTF8.self)
    }

    static func writeNumber(_ value: Double, into out: inout [UInt8]) {
        if value.isNaN || value.isInfinite { out += "null".utf8; return }
        guard value == value.rounded(), abs(value) < 1e15 else { out += String(value).utf8; return }
        var integer = Int64(value)
        if integer < 0 { out.append(UInt8(ascii: "-")); integer = -integer }
        var divisor: Int64 = 1
        while integer / divisor >= 10 { divisor *= 10 }
        while divisor > 0 {
            out.append(UInt8(ascii: "0") + UInt8(integer / divisor % 10))
            divisor /= 10
        }
    }

    /// The escape sequence of a quote, a backslash or a control character (`\"`, `\\`, `\n`,
    /// `\u001f` …), handed to `body` from a small stack buffer.
    static func escapeSequence(_ byte: UInt8, _ body: (UnsafeBufferPointer<UInt8>) -> Void) {
        let hex: StaticString = "0123456789abcdef"
        var sequence: (UInt8, UInt8, UInt8, UInt8, UInt8, UInt8) = (0x5C, 0, 0, 0, 0, 0)  // "\" and room for "u00XX"
        let count: Int
        switch byte {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"): (sequence.1, count) = (byte, 2)
        case UInt8(ascii: "\n"): (sequence.1, count) = (UInt8(ascii: "n"), 2)
        case UInt8(ascii: "\r"): (sequence.1, count) = (UInt8(ascii: "r"), 2)
        case UInt8(ascii: "\t"): (sequence.1, count) = (UInt8(ascii: "t"), 2)
        default:
            (sequence.1, sequence.2, sequence.3) = (UInt8(ascii: "u"), UInt8(ascii: "0"), UInt8(ascii: "0"))
            (sequence.4, sequence.5, count) = (hex.utf8Start[Int(byte >> 4)], hex.utf8Start[Int(byte & 15)], 6)
        }
        withUnsafeBytes(of: &sequence) { body(UnsafeBufferPointer(start: $0.baseAddress!.assumingMemoryBound(to: UInt8.self), count: count)) }
    }

    /// A JSON string: quotes, backslashes and control characters escaped, everything else (UTF-8
    /// included) copied as it is, in runs.
    static func escape(_ string: String, into out: inout [UInt8]) {
        var string = string
        string.withUTF8 { escape(utf8: $0, into: &out) }
    }

    /// ``escape(_:into:)`` for text given as its UTF-8 bytes (valid UTF-8).
    static func escape(utf8 bytes: UnsafeBufferPointer<UInt8>, into out: inout [UInt8]) {
        out.append(UInt8(ascii: "\""))
        escapedPieces(bytes) { out.append(contentsOf: $0) }
        out.append(UInt8(ascii: "\""))
    }

    /// The pieces of a JSON string's body, in order: runs of bytes that stand for themselves
    /// (``plainRunEnd(_:from:)``) and the escape sequences between them (``escapeSequence(_:_:)``).
    /// The one escaping loop of the tree and of ``JSONWriter``.
    @inline(__always)
    static func escapedPieces(_ bytes: UnsafeBufferPointer<UInt8>, _ put: (UnsafeBufferPointer<UInt8>) -> Void) {
        var index = 0
        while true {
            let end = plainRunEnd(bytes, from: index)
            put(UnsafeBufferPointer(rebasing: bytes[index..<end]))
            guard end < bytes.count else { return }
            escapeSequence(bytes[end], put)
            index = end + 1
        }
    }

    /// Where the run of bytes from `start` that stand for themselves inside a JSON string ends: at
    /// the first quote, backslash or control character (the bytes a writer escapes and a reader
    /// must look at), or at the end. Eight bytes are tested at a time.
    @inline(__always)
    static func plainRunEnd(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
        let ones: UInt64 = 0x0101_0101_0101_0101, highs: UInt64 = 0x8080_8080_8080_8080
        var index = start
        let raw = UnsafeRawBufferPointer(bytes)
        while index + 8 <= bytes.count {
            let word = raw.loadUnaligned(fromByteOffset: index, as: UInt64.self)
            // The high bit of each byte that is a quote, a backslash or below 0x20: a byte's bit is
            // exact unless a lower byte's is set (a borrow), so the lowest set bit is the first such
            // byte. (The last test is exact for bytes below 0x80; a byte at 0x80 or above is never below 0x20.)
            let quotes = word ^ (ones &* 0x22), backslashes = word ^ (ones &* 0x5C)
            let found = ((quotes &- ones) & ~quotes | (backslashes &- ones) & ~backslashes | (word &- ones &* 0x20) & ~word) & highs
            if found != 0 { return index + found.trailingZeroBitCount >> 3 }
            index += 8
        }
        while index < bytes.count, bytes[index] >= 0x20, bytes[index] != UInt8(ascii: "\""), bytes[index] != UInt8(ascii: "\\") {
            index += 1
        }
        return index
    }
}

/// The members of a JSON object, kept in the order the writer prints them: keys sorted by their
/// UTF-8 bytes. Written like a dictionary (`["id": .string(id)]`); small objects, so lookups scan.
public struct JSONObject: Sendable, Equatable, ExpressibleByDictionaryLiteral {
    public private(set) var members: [(key: String, value: JSONValue)]

    public init(dictionaryLiteral elements: (String, JSONValue)...) {
        self.init(elements.map { (key: $0.0, value: $0.1) })
    }

    public init(_ dictionary: [String: JSONValue]) {
        self.init(dictionary.map { (key: $0.key, value: $0.value) })
    }

    /// The members in key order; of a key given more than once, the last value.
    init(_ members: [(key: String, value: JSONValue)]) {
        func precedes(_ lhs: String, _ rhs: String) -> Bool { lhs.utf8.lexicographicallyPrecedes(rhs.utf8) }
        // Members written in key order (as the writer writes them) are kept as they are: one scan.
        if members.indices.dropFirst().allSatisfy({ precedes(members[$0 - 1].key, members[$0].key) }) {
            self.members = members
            return
        }
        let sorted = members.enumerated().sorted { precedes($0.element.key, $1.element.key)
            || ($0.element.key == $1.element.key && $0.offset < $1.offset) }
        self.members = sorted.indices.filter { $0 + 1 == sorted.count || sorted[$0 + 1].element.key != sorted[$0].element.key }
            .map { sorted[$0].element }
    }

    public var isEmpty: Bool { members.isEmpty }
    public var keys: [String] { members.map(\.key) }
    public var values: [JSONValue] { members.map(\.value) }

    /// The value of a key; setting nil removes it, setting a new key inserts it in order.
    public subscript(key: String) -> JSONValue? {
        get { members.first { $0.key == key }?.value }
        set {
            let index = members.firstIndex { !$0.key.utf8.lexicographicallyPrecedes(key.utf8) } ?? members.endIndex
            let exists = index < members.endIndex && members[index].key == key
            switch (newValue, exists) {
            case (let value?, true): members[index].value = value
            case (let value?, false): members.insert((key, value), at: index)
            case (nil, true): members.remove(at: index)
            case (nil, false): break
            }
        }
    }

    public static func == (lhs: JSONObject, rhs: JSONObject) -> Bool {
        lhs.members.count == rhs.members.count && zip(lhs.members, rhs.members).allSatisfy { $0.key == $1.key && $0.value == $1.value }
    }
}

extension JSONValue {
    init(_ value: String?) { self = value.map { .string($0) } ?? .null }
    init(_ value: Double?) { self = value.map { .number($0) } ?? .null }
}

/// Reading values back (evaluation, tests).
extension JSONValue {
    public subscript(key: String) -> JSONValue? {
        if case .object(let members) = self { return members[key] }
        return nil
    }
    public var arrayValue: [JSONValue]? { if case .array(let items) = self { return items } else { return nil } }
    public var stringValue: String? { if case .string(let value) = self { return value } else { return nil } }
    public var numberValue: Double? { if case .number(let value) = self { return value } else { return nil } }
    public var boolValue: Bool? { if case .bool(let value) = self { return value } else { return nil } }
}
