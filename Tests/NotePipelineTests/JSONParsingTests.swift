import Foundation
import NotePipeline
import Testing
import _NeedlepointTestSupport

/// `JSONValue.parse`, the reader of result lines (CSV, frequency flags, resume) and of the
/// server's JSON bodies: it reads what Foundation's parser reads, refuses what it refuses, and
/// reads every result Needlepoint writes back to the same bytes.
@Suite("JSON parsing")
struct JSONParsingTests {
    static let valid = [
        "0", "-0", "7", "-3", "0.5", "-0.5e-3", "2.5E+3", "1e-7", "123456789012345", "1234567890123456789",
        "9007199254740993", "0.1", "3.141592653589793", "true", "false", "null", "\"\"", "[]", "{}", "  [ ]  ",
        #""caf\u00e9 \ud83d\ude00 \/ \\ \" \b\f\n\r\t""#,
        #"{"b": [true, false, null, {"c": "}"}], "a": -3, "z": {"y": [1, [2, [3]]]}}"#,
        "\"caf\u{00e9} \u{2014} \u{00b5}g\"",
        #"{"id": "synth-1", "text": "L4-5 \"TFESI\"\n\tVAS 8/10 \u2192 2/10"}"#,
        // Foundation's liberty that the parser shares: a comma before the closing bracket or brace.
        "[1,]", #"{"a": [true, ], "b": 2 , }"#,
    ]

    static let invalid = [
        "", " ", "01", "-01", "1.", ".5", "-", "1e", "1e+", "+1", "[,]", "[1,,]", "{,}", "[1 2]", "{a:1}", #"{"a" 1}"#,
        #""\x""#, "\"\t\"", "tru", "nul", #""\ud800""#, #""\udc00 low alone""#, "1e400", "[] x", "[", "{", #"{"a":"#,
        #""unterminated"#, "]", "NaN", "Infinity", #"'single'"#,
    ]

    @Test("valid JSON reads as Foundation's JSONSerialization reads it", arguments: valid)
    func readsValid(text: String) throws {
        let value = try JSONValue.parse(Array(text.utf8))
        let foundation = try JSONSerialization.jsonObject(with: Data(text.utf8), options: [.fragmentsAllowed])
        #expect(Self.same(value, foundation), "\(text)")
    }

    @Test("invalid JSON is refused, as Foundation's JSONSerialization refuses it", arguments: invalid)
    func refusesInvalid(text: String) {
        #expect(throws: JSONParseError.self) { try JSONValue.parse(Array(text.utf8)) }
        // Foundation reads 1e400, as infinity, which JSON has no number for.
        #expect((try? JSONSerialization.jsonObject(with: Data(text.utf8), options: [.fragmentsAllowed])) == nil || text == "1e400",
                "Foundation reads \(text)")
    }

    @Test("escaped strings read alike in a short text and past 64 KB (where the reader finds a string's end first)")
    func escapedStringsShortAndLong() throws {
        let piece = #"line \"one\"\n\ttab \u00e9 \ud83d\ude00 end"#
        let short = "[\"\(piece)\"]"
        let long = "[" + Array(repeating: "\"\(piece)\"", count: 3_000).joined(separator: ",")
            + ",\"" + String(repeating: piece, count: 2_000) + "\"]"
        #expect(long.utf8.count > 1 << 17)
        for text in [short, long] {
            let value = try JSONValue.parse(Array(text.utf8))
            let foundation = try JSONSerialization.jsonObject(with: Data(text.utf8), options: [.fragmentsAllowed])
            #expect(Self.same(value, foundation))
        }
        // An escaped string that never closes is refused in a long text as in a short one.
        for text in ["[\"\(piece)", "[" + String(repeating: "\"\(piece)\",", count: 3_000) + "\"\(piece)",
                     "[\"" + String(repeating: piece, count: 2_000)] {
            #expect(throws: JSONParseError.self) { try JSONValue.parse(Array(text.utf8)) }
        }
    }

    /// Runs of plain bytes are found eight at a time, the first byte to escape by its bit in the
    /// word: a quote, backslash or control byte at every position of three words, beside bytes
    /// just above and below the ones it stops at, is written escaped and read back whole.
    @Test("a byte to escape is found at every position of a word, beside its neighbours and UTF-8", arguments: [
        "\"", "\\", "\u{0}", "\u{1}", "\n", "\t", "\u{1F}",
    ])
    func escapesAtEveryPosition(special: String) throws {
        let fillers = ["a", " ", "!", "#", "[", "]", "\u{7F}", "\u{E9}", "\u{2014}", "\u{1F600}", "\u{20}\u{21}"]
        for filler in fillers {
            for position in 0..<24 {
                let text = String(repeating: filler, count: position) + special + String(repeating: filler, count: 24 - position)
                let written = JSONValue.string(text).serialized()
                #expect(try JSONValue.parse(Array(written.utf8)) == .string(text), "\(position) after \(filler.unicodeScalars.map(\.value))")
                let foundation = try JSONSerialization.jsonObject(with: Data(written.utf8), options: [.fragmentsAllowed]) as? String
                #expect(foundation == text)
            }
        }
    }

    @Test("bytes that are not UTF-8 inside a string are refused; the error names the offset, not the text")
    func invalidUTF8() {
        let bytes: [UInt8] = Array(#"{"text": "caf"#.utf8) + [0xE9] + Array(#""}"#.utf8)
        #expect(throws: JSONParseError(reason: .malformedString, offset: 9)) { try JSONValue.parse(bytes) }
        #expect(JSONParseError(reason: .malformedString, offset: 9).description
                == "not JSON: \(JSONParseError.Reason.malformedString.rawValue) at byte 9")
    }

    @Test("nesting: 512 levels read, deeper ones are refused without exhausting the stack")
    func depth() throws {
        let deepest = String(repeating: "[", count: 512) + String(repeating: "]", count: 512)
        _ = try JSONValue.parse(Array(deepest.utf8))
        let deeper = String(repeating: "[", count: 513) + String(repeating: "]", count: 513)
        let hostile = String(repeating: "{\"a\":[", count: 100_000)
        // The 513th opening bracket or brace is refused where it stands.
        #expect(throws: JSONParseError(reason: .tooDeep, offset: 512)) { try JSONValue.parse(Array(deeper.utf8)) }
        #expect(throws: JSONParseError(reason: .tooDeep, offset: 256 * 6)) { try JSONValue.parse(Array(hostile.utf8)) }
    }

    @Test("a UTF-8 byte-order mark before the text is skipped; the error names what stopped the reader")
    func byteOrderMarkAndReasons() throws {
        #expect(try JSONValue.parse([0xEF, 0xBB, 0xBF] + Array(#"{"id": "a"}"#.utf8)) == .object(["id": .string("a")]))
        #expect(throws: JSONParseError(reason: .unexpectedByte, offset: 3)) { try JSONValue.parse(Array("[1,".utf8)) }
        #expect(throws: JSONParseError(reason: .unexpectedByte, offset: 5)) { try JSONValue.parse(Array(#"{"a":}"#.utf8)) }
        #expect(throws: JSONParseError(reason: .malformedNumber, offset: 1)) { try JSONValue.parse(Array("[01]".utf8)) }
        #expect(throws: JSONParseError(reason: .trailingText, offset: 3)) { try JSONValue.parse(Array("[] x".utf8)) }
    }

    @Test("object members come out in key order; a repeated key keeps its last value")
    func members() throws {
        let value = try JSONValue.parse(Array(#"{"b": 1, "a": 2, "b": 3}"#.utf8))
        #expect(value.serialized() == #"{"a":2,"b":3}"#)
    }

    @Test("every result Needlepoint writes for the corpus reads back to the same bytes", arguments: ContractTests.corpusNotes)
    func roundTrip(path: String) throws {
        let result = Fixtures.pipeline.run(bytes: Array(try Data(contentsOf: URL(fileURLWithPath: path))), id: path)
        let bytes = ResultEncoder.bytes(result)
        #expect(try JSONValue.parse(bytes).serialized() == String(decoding: bytes, as: UTF8.self))
        let pretty = ResultEncoder.bytes(result, pretty: true)
        #expect(try JSONValue.parse(pretty).serialized(pretty: true) == String(decoding: pretty, as: UTF8.self))
    }

    /// The same value: Foundation's objects, arrays, strings, numbers, booleans and null.
    static func same(_ value: JSONValue, _ other: Any) -> Bool {
        switch value {
        case .null: return other is NSNull
        case .bool(let bool): return (other as? Bool) == bool && String(describing: type(of: other)) != "Int"
        case .number(let number): return (other as? NSNumber)?.doubleValue == number
        case .string(let string): return (other as? String) == string
        case .array(let items):
            guard let others = other as? [Any], others.count == items.count else { return false }
            return zip(items, others).allSatisfy { same($0, $1) }
        case .object(let object):
            guard let others = other as? [String: Any], others.count == object.members.count else { return false }
            return object.members.allSatisfy { member in others[member.key].map { same(member.value, $0) } ?? false }
        }
    }
}
