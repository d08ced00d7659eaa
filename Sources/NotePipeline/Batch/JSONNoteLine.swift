/// Reads a JSON Lines note (`{"id": "…", "text": "…"}`) straight from its bytes: the two string
/// members, any other member skipped. Nil when the line is anything it does not fully understand
/// (then the caller falls back to Foundation's decoder, which also explains the error), so it is
/// only ever a faster path, never a different reading. The text comes back as its unescaped UTF-8
/// bytes (checked), ready for ``NoteDecoder``, without a `String` in between.
enum JSONNoteLine {
    static func parse(_ line: [UInt8]) -> (id: String?, text: [UInt8]?)? {
        line.withUnsafeBufferPointer { parse(Reader(bytes: $0)) }
    }

    private static func parse(_ start: Reader) -> (id: String?, text: [UInt8]?)? {
        var reader = start
        reader.skipSpace()
        guard reader.take(UInt8(ascii: "{")) else { return nil }
        var id: String?, text: [UInt8]?
        reader.skipSpace()
        if reader.take(UInt8(ascii: "}")) { return reader.atEndAfterSpace() ? (nil, nil) : nil }
        while true {
            reader.skipSpace()
            guard let key = reader.string() else { return nil }
            reader.skipSpace()
            guard reader.take(UInt8(ascii: ":")) else { return nil }
            reader.skipSpace()
            let isID = key.elementsEqual("id".utf8), isText = key.elementsEqual("text".utf8)
            if isID || isText {
                let value: [UInt8]?
                if reader.peek == UInt8(ascii: "\"") {
                    guard let string = reader.string() else { return nil }
                    value = string
                } else if reader.takeWord("null") {
                    value = nil
                } else {
                    return nil  // a number or object id: let the full decoder judge
                }
                if isID { id = value.map { String(decoding: $0, as: UTF8.self) } } else { text = value }
            } else {
                guard reader.skipValue() else { return nil }
            }
            reader.skipSpace()
            if reader.take(UInt8(ascii: ",")) { continue }
            guard reader.take(UInt8(ascii: "}")) else { return nil }
            return reader.atEndAfterSpace() ? (id, text) : nil
        }
    }

    private struct Reader {
        let bytes: UnsafeBufferPointer<UInt8>
        var index = 0

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
            guard take(UInt8(ascii: "\"")) else { return nil }
            let start = index
            let firstEnd = JSONValue.plainRunEnd(bytes, from: start)
            if firstEnd < bytes.count, bytes[firstEnd] == UInt8(ascii: "\"") {
                // No escape (keys, ids, most short strings): the string is that one run.
                index = firstEnd + 1
                return Self.validUTF8(Array(UnsafeBufferPointer(rebasing: bytes[start..<firstEnd])))
            }
            // Escapes: unescaped into room for the rest of the line (an escape never decodes longer
            // than it is written), run by run.
            var isComplete = false
            let out = [UInt8](unsafeUninitializedCapacity: bytes.count - start) { buffer, count in
                count = 0
                func put(_ byte: UInt8) { buffer[count] = byte; count += 1 }
                while true {
                    let runStart = index
                    index = JSONValue.plainRunEnd(bytes, from: index)
                    guard let byte = peek else { return }
                    let run = UnsafeBufferPointer(rebasing: bytes[runStart..<index])
                    if !run.isEmpty { (buffer.baseAddress! + count).initialize(from: run.baseAddress!, count: run.count) }
                    count += run.count
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
            return isComplete ? Self.validUTF8(out) : nil
        }

        private static func validUTF8(_ bytes: [UInt8]) -> [UInt8]? {
            (try? UTF8Span(validating: bytes.span)) != nil ? bytes : nil
        }

        mutating func hex4() -> UInt32? {
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

        /// Skips any JSON value; false when malformed or nested deeper than 64 (the full decoder judges those).
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
                return skipNumber()
            }
        }

        /// A JSON number: `-? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)?`.
        mutating func skipNumber() -> Bool {
            func digits() -> Int {
                let start = index
                while let byte = peek, (0x30...0x39).contains(byte) { index += 1 }
                return index - start
            }
            _ = take(UInt8(ascii: "-"))
            if take(UInt8(ascii: "0")) {
                if let byte = peek, (0x30...0x39).contains(byte) { return false }  // no leading zeros
            } else if digits() == 0 {
                return false
            }
            if take(UInt8(ascii: ".")), digits() == 0 { return false }
            if take(UInt8(ascii: "e")) || take(UInt8(ascii: "E")) {
                if !take(UInt8(ascii: "+")) { _ = take(UInt8(ascii: "-")) }
                if digits() == 0 { return false }
            }
            return true
        }
    }
}
