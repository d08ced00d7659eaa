/// Why some bytes are not one JSON value (``JSONValue/parse(_:)``). Names the byte offset and the
/// reason, never the text (result lines and request bodies hold protected health information).
public struct JSONParseError: Error, CustomStringConvertible, Equatable {
    public enum Reason: String, Sendable {
        case unexpectedByte = "an unexpected byte or the end of the text"
        case malformedString = "a malformed string (a bad escape, a raw control character or invalid UTF-8)"
        case malformedNumber = "a malformed or out-of-range number"
        case tooDeep = "values nested deeper than 512"
        case trailingText = "text after the value"
    }
    public let reason: Reason
    /// Where (a UTF-8 byte offset) the reader stopped.
    public let offset: Int

    public init(reason: Reason, offset: Int) { (self.reason, self.offset) = (reason, offset) }

    public var description: String { "not JSON: \(reason.rawValue) at byte \(offset)" }
}

extension JSONValue {
    /// Nesting deeper than this is refused (as Foundation's decoder does), so that hostile input
    /// cannot exhaust the stack.
    static let maxDepth = 512

    /// Parses one JSON text (a result line written by Needlepoint, a JSON Lines note, a request
    /// body) by RFC 8259, with the two liberties Foundation's readers also take: a UTF-8 byte-order
    /// mark before the text, and a comma before a closing bracket or brace. Object members come
    /// out in the writer's order; a repeated key keeps its last value (as the JSON Lines reader does).
    public static func parse(_ bytes: [UInt8]) throws(JSONParseError) -> JSONValue {
        try bytes.withUnsafeBufferPointer { (buffer) throws(JSONParseError) -> JSONValue in
            var reader = JSONReader(bytes: buffer)
            if buffer.starts(with: [0xEF, 0xBB, 0xBF]) { reader.index = 3 }
            reader.skipSpace()
            let value = try parseValue(&reader, depth: 0)
            guard reader.atEndAfterSpace() else { throw JSONParseError(reason: .trailingText, offset: reader.index) }
            return value
        }
    }

    /// The value at the reader (white space before it already skipped).
    private static func parseValue(_ reader: inout JSONReader, depth: Int) throws(JSONParseError) -> JSONValue {
        switch reader.peek {
        case UInt8(ascii: "\"")?:
            return .string(try parseString(&reader))
        case UInt8(ascii: "[")?:
            guard depth < maxDepth else { throw JSONParseError(reason: .tooDeep, offset: reader.index) }
            reader.index += 1
            var items: [JSONValue] = []
            reader.skipSpace()
            if reader.take(UInt8(ascii: "]")) { return .array(items) }
            while true {
                reader.skipSpace()
                if !items.isEmpty, reader.take(UInt8(ascii: "]")) { return .array(items) }  // after a comma
                items.append(try parseValue(&reader, depth: depth + 1))
                reader.skipSpace()
                if reader.take(UInt8(ascii: ",")) { continue }
                guard reader.take(UInt8(ascii: "]")) else { throw JSONParseError(reason: .unexpectedByte, offset: reader.index) }
                return .array(items)
            }
        case UInt8(ascii: "{")?:
            guard depth < maxDepth else { throw JSONParseError(reason: .tooDeep, offset: reader.index) }
            reader.index += 1
            var members: [(key: String, value: JSONValue)] = []
            reader.skipSpace()
            if reader.take(UInt8(ascii: "}")) { return .object(JSONObject(members)) }
            while true {
                reader.skipSpace()
                if !members.isEmpty, reader.take(UInt8(ascii: "}")) { return .object(JSONObject(members)) }  // after a comma
                guard reader.peek == UInt8(ascii: "\"") else { throw JSONParseError(reason: .unexpectedByte, offset: reader.index) }
                let key = try parseString(&reader)
                reader.skipSpace()
                guard reader.take(UInt8(ascii: ":")) else { throw JSONParseError(reason: .unexpectedByte, offset: reader.index) }
                reader.skipSpace()
                members.append((key, try parseValue(&reader, depth: depth + 1)))
                reader.skipSpace()
                if reader.take(UInt8(ascii: ",")) { continue }
                guard reader.take(UInt8(ascii: "}")) else { throw JSONParseError(reason: .unexpectedByte, offset: reader.index) }
                return .object(JSONObject(members))
            }
        case UInt8(ascii: "-")?, UInt8(ascii: "0")?, UInt8(ascii: "1")?, UInt8(ascii: "2")?, UInt8(ascii: "3")?, UInt8(ascii: "4")?,
             UInt8(ascii: "5")?, UInt8(ascii: "6")?, UInt8(ascii: "7")?, UInt8(ascii: "8")?, UInt8(ascii: "9")?:
            return .number(try parseNumber(&reader))
        default:
            if reader.takeWord("true") { return .bool(true) }
            if reader.takeWord("false") { return .bool(false) }
            if reader.takeWord("null") { return .null }
            throw JSONParseError(reason: .unexpectedByte, offset: reader.index)
        }
    }

    private static func parseString(_ reader: inout JSONReader) throws(JSONParseError) -> String {
        let start = reader.index
        guard let string = reader.string({ String(validating: $0, as: UTF8.self) }) else {
            throw JSONParseError(reason: .malformedString, offset: start)
        }
        return string
    }

    /// A number as a `Double`: integers of up to 15 digits exactly, by their digits; any other
    /// number by the standard library's correctly rounded reading. Out of range is an error.
    private static func parseNumber(_ reader: inout JSONReader) throws(JSONParseError) -> Double {
        let start = reader.index
        guard let (text, isInteger) = reader.number() else { throw JSONParseError(reason: .malformedNumber, offset: start) }
        let negative = text[0] == UInt8(ascii: "-")
        if isInteger, text.count - (negative ? 1 : 0) <= 15 {
            var value: Int64 = 0
            for byte in text.dropFirst(negative ? 1 : 0) { value = value * 10 + Int64(byte - 0x30) }
            return negative ? -Double(value) : Double(value)
        }
        guard let value = Double(String(decoding: text, as: UTF8.self)), value.isFinite else {
            throw JSONParseError(reason: .malformedNumber, offset: start)
        }
        return value
    }
}
