import NotePipeline
import Testing
import _NeedlepointTestSupport

/// Bad input gets an error record naming the note and the reason, never the note's text.
@Suite("Input checks and error records")
struct InputTests {
    let pipeline = Fixtures.pipeline

    func decodingError(_ bytes: [UInt8], maxBytes: Int = NoteDecoder.defaultMaxBytes) -> NoteError? {
        do {
            _ = try NoteDecoder(maxBytes: maxBytes).decode(bytes, id: "note-7")
            return nil
        } catch {
            return error
        }
    }

    static let badInputs: [([UInt8], NoteError.Kind)] = [
        ([], .empty),
        (Array("  \n\t \n".utf8), .empty),
        ([0xEF, 0xBB, 0xBF], .empty),
        (Array("L5-S1 TFESI".utf8) + [0x00, 0x01, 0x02], .binary),
        (Array("Pain 8/10 ".utf8) + [0xC3, 0x28] + Array(" secret".utf8), .invalidUTF8),
        (Array("MRN 123 ".utf8) + [0xFF], .invalidUTF8),
    ]

    @Test("bad bytes give the contract's error kinds", arguments: badInputs)
    func errorKinds(bytes: [UInt8], kind: NoteError.Kind) throws {
        let error = try #require(decodingError(bytes))
        #expect(error.kind == kind)
        #expect(error.message.hasPrefix("note-7: "))
        #expect(!error.message.contains("secret") && !error.message.contains("TFESI") && !error.message.contains("MRN"))
    }

    @Test("NUL and control bytes are found wherever they stand: every offset, with and without a byte-order mark")
    func controlBytesEverywhere() throws {
        // The checks read eight bytes at a time: put odd bytes at every offset of a 37-byte text
        // (four words and a tail) and expect what the rule, read byte by byte, says.
        for bom in [false, true] {
            for offset in 0..<37 {
                for odd: UInt8 in [0x00, 0x01, 0x1F, 0x0B] {
                    var text = Array(repeating: UInt8(ascii: "a"), count: 37)
                    text[offset] = odd
                    text[(offset + 9) % 37] = 0x07  // a second control byte, in another word
                    let error = decodingError((bom ? [0xEF, 0xBB, 0xBF] : []) + text)
                    if odd == 0 {
                        #expect(error?.message == "note-7: a NUL byte at offset \(offset + (bom ? 3 : 0)) - this looks like a binary file, not a note")
                    } else {
                        #expect(error?.message == "note-7: 2 control bytes - this looks like a binary file, not a note")
                    }
                }
            }
        }
        // Several bytes below 0x20 in one word, white space among them, at every alignment.
        for offset in 0..<33 {
            var text = Array(repeating: UInt8(ascii: "a"), count: 37)
            text.replaceSubrange(offset..<offset + 4, with: [0x0A, 0x01, 0x09, 0x02])
            #expect(decodingError(text)?.message == "note-7: 2 control bytes - this looks like a binary file, not a note")
            text[offset + 3] = 0x00
            #expect(decodingError(text)?.message == "note-7: a NUL byte at offset \(offset + 3) - this looks like a binary file, not a note")
        }
        // White space is not a control byte: tabs, line feeds, carriage returns and form feeds.
        let spaced = Array("Right\tL5-S1\r\nTFESI\u{0C} done\n\n".utf8)
        #expect(decodingError(spaced) == nil)
    }

    @Test("invalid UTF-8 names the byte offset")
    func invalidOffset() throws {
        let error = try #require(decodingError(Array("Pain 8/10 ".utf8) + [0xC3, 0x28]))
        #expect(error.message == "note-7: invalid UTF-8 at byte offset 10")
    }

    @Test("a note over the size limit is refused before it is read")
    func tooLarge() throws {
        let error = try #require(decodingError(Array(repeating: 0x41, count: 2_000), maxBytes: 1_000))
        #expect(error.kind == .tooLarge)
    }

    @Test("a byte-order mark is dropped and offsets follow the text after it")
    func byteOrderMark() {
        let result = ResultEncoder.json(pipeline.run(bytes: [0xEF, 0xBB, 0xBF] + Array("Right L5-S1 TFESI.".utf8), id: "bom"))
        let evidence = result["procedures"]?.arrayValue?.first?["evidence"]?.arrayValue ?? []
        #expect(evidence.contains { $0["start"]?.numberValue == 0 && $0["text"]?.stringValue == "Right L5-S1" } ||
                evidence.contains { $0["text"]?.stringValue == "TFESI" && $0["start"]?.numberValue == 12 })
    }

    @Test("an error result has the error record and nothing else")
    func errorRecord() {
        let result = ResultEncoder.json(pipeline.run(bytes: [], id: "empty-note"))
        #expect(result == .object([
            "schema": .string("needlepoint.result/1"), "id": .string("empty-note"),
            "error": .object(["kind": .string("empty"), "message": .string("empty-note: the note is empty")]),
        ]))
    }

    @Test("odd text never crashes the pipeline", arguments: [
        "L", "-", "L4-", "L4--5", "-5", "10 mg/", "/10", "8/10/10", "::", "⟦⟧", "🙂 L5-S1 🙂", "C0-C9 L9 T13 S6",
        String(repeating: "L4-5 and ", count: 2_000), String(repeating: "no ", count: 5_000) + "contrast",
        "PROCEDURE:\nPROCEDURE:\nPROCEDURE:", "Ｌ５／Ｓ１ ＴＦＥＳＩ", "1st 2nd third to twelfth ribs", "in 2023 in 1899 in 20500",
    ])
    func oddText(text: String) {
        let result = Fixtures.result(text)
        #expect(result["schema"]?.stringValue == "needlepoint.result/1")
    }
}
