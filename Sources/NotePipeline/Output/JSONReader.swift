/// Reads JSON text (RFC 8259) straight from its UTF-8 bytes, one token at a time: the one reader
/// behind ``JSONValue/parse(_:)`` (result lines read back: CSV, frequency flags, resume, the
/// server's JSON bodies) and ``JSONNoteLine`` (a batch's JSON Lines notes). Strict: no leading
/// zeros, no raw control characters in strings, escapes and UTF-8 checked, nothing after the value.
struct JSONReader {
    let bytes: UnsafeBufferPointer<UInt8>
    var index = 0

    init(bytes: UnsafeBufferPointer<UInt8>) { self.bytes = bytes }

    var peek: UInt8? { index < bytes.count ? bytes[index] : nil }

    mutating func skipSpace() {
        while let byte = peek, byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D { index += 1 }
    }

    mutating func take(_ byte: UInt8) -> Bool {
        guard peek == byte else { return false }
        index += 1
        return true
    }

    mutating func takeWord(_ word: StaticString) -> Bool {
        let count = word.utf8CodeUnitCount
        guard index + count <= bytes.count else { return false }
        for offset in 0..<count where bytes[index + offset] != word.utf8Start[offset] { return false }
        index += count
        return true
    }

    mutating func atEndAfterSpace() -> Bool {
        skipSpace()
        return index == bytes.count
    }

    /// A JSON string's bytes, unescaped and checked as UTF-8; nil when malformed.
    mutating func string() -> [UInt8]? {
        uncheckedString().flatMap(Self.validUTF8)
    }

    /// A JSON string's bytes, unescaped but not checked as UTF-8, for a caller that checks them
    /// itself (a note's text goes to ``NoteDecoder``, which names the offset of a bad byte); nil
    /// when malformed.
    mutating func uncheckedString() -> [UInt8]? {
        switch stringPiece() {
        case .run(let run)?: Array(UnsafeBufferPointer(rebasing: bytes[run]))
        case .unescaped(let value)?: value
        case nil: nil
        }
    }

    /// A JSON string, unescaped, handed to `make` as bytes not yet checked as UTF-8 (`make`
    /// checks them as it builds its value, or returns nil); nil when malformed. A string without
    /// an escape is handed over where it stands, with no copy.
    mutating func string<Value>(_ make: (UnsafeBufferPointer<UInt8>) -> Value?) -> Value? {
        switch stringPiece() {
        case .run(let run)?: make(UnsafeBufferPointer(rebasing: bytes[run]))
        case .unescaped(let value)?: value.withUnsafeBufferPointer(make)
        case nil: nil
        }
    }

    /// A string as the reader finds it: one run of the text (no escape: keys, ids, most short
    /// strings) or its bytes unescaped.
    private enum StringPiece {
        case run(Range<Int>)
        case unescaped([UInt8])
    }

    /// The string at the reader (which moves past it), nil when malformed.
    private mutating func stringPiece() -> StringPiece? {
        guard take(UInt8(ascii: "\"")) else { return nil }
        let start = index
        let firstEnd = JSONValue.plainRunEnd(bytes, from: start)
        if firstEnd < bytes.count, bytes[firstEnd] == UInt8(ascii: "\"") {
            index = firstEnd + 1
            return .run(start..<firstEnd)
        }
        return unescaped(from: start, firstRunEnd: firstEnd).map(StringPiece.unescaped)
    }

    /// The bytes of the string that starts at `start` (after its opening quote) and has an escape
    /// or ends the text at `firstRunEnd`, unescaped in one pass into room for its written length
    /// (an escape never decodes longer than it is written); the reader moves past its closing
    /// quote. Nil when malformed (a bad escape, a raw control character, no closing quote).
    ///
    /// The room is the rest of the text when that is short (a JSON Lines note); in a long text (a
    /// body may hold many strings) the string's end is found first, so no string reserves it all.
    private mutating func unescaped(from start: Int, firstRunEnd: Int) -> [UInt8]? {
        var room = bytes.count - start
        if room > Self.shortText {
            var end = firstRunEnd
            while end < bytes.count, bytes[end] != UInt8(ascii: "\"") {
                end = JSONValue.plainRunEnd(bytes, from: bytes[end] == UInt8(ascii: "\\") ? end + 2 : end + 1)
            }
            guard end < bytes.count else { return nil }
            room = end - start
        }
        index = start
        var isComplete = false
        let out = [UInt8](unsafeUninitializedCapacity: room) { buffer, count in
            count = 0
            // The room holds the string's written length, and nothing decodes longer than it is written.
            func put(_ byte: UInt8) {
                precondition(count < buffer.count, "an unescaped JSON string outgrew its written length")
                buffer[count] = byte
                count += 1
            }
            while true {
                let runStart = index
                index = JSONValue.plainRunEnd(bytes, from: index)
                guard let byte = peek else { return }
                precondition(index - runStart <= buffer.count - count, "an unescaped JSON string outgrew its written length")
                if index > runStart {
                    (buffer.baseAddress! + count).initialize(from: bytes.baseAddress! + runStart, count: index - runStart)
                    count += index - runStart
                }
                index += 1
                switch byte {
                case UInt8(ascii: "\""):
                    isComplete = true
                    return
                case UInt8(ascii: "\\"):
                    guard let escaped = peek else { return }
                    index += 1
                    switch escaped {
                    case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): put(escaped)
                    case UInt8(ascii: "b"): put(0x08)
                    case UInt8(ascii: "f"): put(0x0C)
                    case UInt8(ascii: "n"): put(0x0A)
                    case UInt8(ascii: "r"): put(0x0D)
                    case UInt8(ascii: "t"): put(0x09)
                    case UInt8(ascii: "u"):
                        guard var scalar = hex4() else { return }
                        if (0xD800..<0xDC00).contains(scalar) {  // a surrogate pair
                            guard take(UInt8(ascii: "\\")), take(UInt8(ascii: "u")), let low = hex4(), (0xDC00..<0xE000).contains(low) else { return }
                            scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
                        }
                        guard let value = Unicode.Scalar(scalar) else { return }
                        for unit in UTF8.encode(value)! { put(unit) }
                    default:
                        return
                    }
                default:
                    return  // raw control characters are not allowed in JSON strings
                }
            }
        }
        return isComplete ? out : nil
    }

    /// The longest rest of a text a string may reserve whole for its unescaped bytes.
    private static let shortText = 1 << 16

    private static func validUTF8(_ bytes: [UInt8]) -> [UInt8]? {
        (try? UTF8Span(validating: bytes.span)) != nil ? bytes : nil
    }

    private mutating func hex4() -> UInt32? {
        guard index + 4 <= bytes.count else { return nil }
        var value: UInt32 = 0
        for _ in 0..<4 {
            let byte = bytes[index]
            let digit: UInt32
            switch byte {
            case 0x30...0x39: digit = UInt32(byte - 0x30)
            case 0x41...0x46: digit = UInt32(byte - 0x41 + 10)
            case 0x61...0x66: digit = UInt32(byte - 0x61 + 10)
            default: return nil
            }
            value = value << 4 | digit
            index += 1
        }
        return value
    }

    /// A JSON number's text, `-? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)?`, and whether
    /// it is a plain integer (no fraction, no exponent); nil when malformed.
    mutating func number() -> (text: UnsafeBufferPointer<UInt8>, isInteger: Bool)? {
        let start = index
        func digits() -> Int {
            let first = index
            while let byte = peek, byte &- 0x30 < 10 { index += 1 }
            return index - first
        }
        _ = take(UInt8(ascii: "-"))
        if take(UInt8(ascii: "0")) {
            if let byte = peek, byte &- 0x30 < 10 { return nil }  // no leading zeros
        } else if digits() == 0 {
            return nil
        }
        var isInteger = true
        if take(UInt8(ascii: ".")) {
            isInteger = false
            guard digits() > 0 else { return nil }
        }
        if take(UInt8(ascii: "e")) || take(UInt8(ascii: "E")) {
            isInteger = false
            if !take(UInt8(ascii: "+")) { _ = take(UInt8(ascii: "-")) }
            guard digits() > 0 else { return nil }
        }
        return (UnsafeBufferPointer(rebasing: bytes[start..<index]), isInteger)
    }

    /// Skips any JSON value; false when malformed or nested deeper than 64 (callers that need
    /// deeper values read them with ``JSONValue/parse(_:)``).
    mutating func skipValue(depth: Int = 0) -> Bool {
        guard depth < 64 else { return false }
        switch peek {
        case UInt8(ascii: "\"")?: return string() != nil
        case UInt8(ascii: "{")?, UInt8(ascii: "[")?:
            let close = peek == UInt8(ascii: "{") ? UInt8(ascii: "}") : UInt8(ascii: "]")
            index += 1
            skipSpace()
            if take(close) { return true }
            while true {
                skipSpace()
                if close == UInt8(ascii: "}") {
                    guard string() != nil else { return false }
                    skipSpace()
                    guard take(UInt8(ascii: ":")) else { return false }
                    skipSpace()
                }
                guard skipValue(depth: depth + 1) else { return false }
                skipSpace()
                if take(UInt8(ascii: ",")) { continue }
                return take(close)
            }
        case nil: return false
        default:
            if takeWord("true") || takeWord("false") || takeWord("null") { return true }
            return number() != nil
        }
    }
}
