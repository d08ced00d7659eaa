import Foundation
import NotePipeline
import Testing
import _NeedlepointTestSupport

/// `BatchRunner` and `needlepoint batch` on every input kind, broken notes, malicious XML,
/// frequency limits across notes, CSV, and resuming a killed run.
@Suite("Batch runs", .serialized)
struct BatchTests {
    static let limits = try! FrequencyLimits()

    /// A fresh folder for one test.
    static func folder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("np-batch-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    static func lines(_ path: String) throws -> [JSONValue] {
        try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n").map { try JSONValue.parse(Array($0.utf8)) }
    }

    func run(_ inputs: [String], out: String, jobs: Int = 2, format: BatchRunner.Format = .jsonl) async throws -> BatchRunner.Summary {
        try await BatchRunner(pipeline: Fixtures.pipeline, limits: Self.limits)
            .run(BatchInputs(paths: inputs), output: out, options: .init(jobs: jobs, format: format))
    }

    @Test("folders (recursive, sorted), single files, CDA and JSON Lines: one line per note, in input order, ids per the contract")
    func inputKinds() async throws {
        let dir = try Self.folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let notes = dir.appendingPathComponent("notes")
        try FileManager.default.createDirectory(at: notes.appendingPathComponent("2026/jan"), withIntermediateDirectories: true)
        try "Right L5-S1 TFESI under fluoroscopy.".write(to: notes.appendingPathComponent("b.txt"), atomically: true, encoding: .utf8)
        try "Left L4-5 TFESI under fluoroscopy.".write(to: notes.appendingPathComponent("2026/jan/a.txt"), atomically: true, encoding: .utf8)
        try "ignored".write(to: notes.appendingPathComponent("readme.md"), atomically: true, encoding: .utf8)
        try Data().write(to: notes.appendingPathComponent("empty.txt"))
        let jsonl = dir.appendingPathComponent("export.jsonl")
        try """
        {"id": "j-1", "text": "Bilateral L4-5 facet joint injections under fluoroscopy."}

        not json at all
        {"id": "j-3"}
        {"text": "Caudal epidural steroid injection."}
        """.write(to: jsonl, atomically: true, encoding: .utf8)
        let cda = Fixtures.shared + "/corpora/cda-examples/Procedure_Note.xml"
        let out = dir.appendingPathComponent("out.jsonl").path
        let summary = try await run([notes.path, jsonl.path, cda], out: out)
        let results = try Self.lines(out)
        #expect(results.compactMap { $0["id"]?.stringValue } == [
            "2026/jan/a", "b", "empty", "j-1", "export:3", "j-3", "export:5", "Procedure_Note",
        ])
        #expect(results.map { $0["error"]?["kind"]?.stringValue } == [nil, nil, "empty", nil, "unreadable", "empty", nil, nil])
        #expect(summary.notes == 8 && summary.failed == 3)
        #expect(!FileManager.default.fileExists(atPath: out + ".partial"))
    }

    static let xmlFixtures = Fixtures.files(in: Fixtures.root + "/Tests/NotePipelineTests/Fixtures/xml", withExtension: "xml")

    @Test("JSON Lines notes read the same as a full JSON parser reads them: escapes, surrogate pairs, other members, broken lines")
    func jsonLinesReading() throws {
        let lines = [
            #"{"id": "a", "text": "L4-5 \"TFESI\"\n\tVAS 8/10 \u2192 2/10 \ud83d\ude00 caf\u00e9 \/ \\"}"#,
            #"  {"meta": {"site": [1, 2.5e3, true, null, {"x": "}"}]}, "text": "Right L5-S1", "id": "b", "n": -3}  "#,
            #"{"text": "no id here"}"#,
            #"{"id": "d", "text": "unpaired \ud800 surrogate"}"#,
            "{\"id\": \"e\", \"text\": \"tab\u{09}raw\"}",  // a raw tab inside a string is not JSON
            #"{"id": 7, "text": "numeric id"}"#,
            #"{"id": "g", "text": "trailing"} x"#,
            "{\"id\": \"h\", \"text\": \"caf\u{00e9} \u{2014} \u{00b5}g\"}",
            #"{"id": "k", "n": -0.5e-3, "text": "a good number"}"#,
            #"{"id": "l", "deep": "# + String(repeating: "[", count: 200) + String(repeating: "]", count: 200) + #", "text": "deep"}"#,
            #"{"id": "m", "text": "\n"}"#,  // nothing but an escape
            #"{"id": "n", "text": "ends with an escape\u00e9"}"#,
            #"{"id": "o", "text": ""}"#,
            #"{"id": "p", "text": "an escape, then the line ends \"#,
            #"{"id": "q", "text": ""#,
            #"{"id": "r", "text": "a comma before the closing brace",}"#,  // Foundation's liberty, kept
            "\u{FEFF}{\"id\": \"s\", \"text\": \"after a byte-order mark\"}",
            // Past 64 KB the reader finds an escaped string's end before unescaping it.
            #"{"id": "t", "text": ""# + String(repeating: #"Right L5-S1 \"TFESI\"\n\tVAS 8/10 \u2192 2/10. "#, count: 3_000) + #""}"#,
            #"{"text": ""# + String(repeating: #"no end \n"#, count: 10_000) + #", "id": "u"}"#,
        ]
        let path = NSTemporaryDirectory() + "needlepoint-jsonl-\(getpid()).jsonl"
        try lines.joined(separator: "\n").write(toFile: path, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: path) }
        let items = Array(BatchInputs(paths: [path]))
        #expect(items.count == lines.count)
        for (item, line) in zip(items, lines) {
            // What Foundation's JSONSerialization makes of the line.
            let object = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any]
            switch item.payload {
            case .bytes(let bytes):
                let expected = try #require(object?["text"] as? String, "read a line JSONSerialization rejects: \(line)")
                #expect(String(decoding: bytes, as: UTF8.self) == expected)
                if let id = object?["id"] as? String { #expect(item.id == id) }
            case .failed:
                #expect(object?["text"] as? String == nil || object?["id"] is Int || line.hasSuffix(" x") || line.contains("ud800"),
                        "refused a line JSONSerialization reads: \(line.prefix(60))")
            }
        }
        #expect(items[0].id == "a" && items[1].id == "b")
    }

    @Test("a JSON Lines text that is not UTF-8 gets the decoder's error, naming the offset of its first bad byte")
    func jsonLinesInvalidUTF8() throws {
        let path = NSTemporaryDirectory() + "needlepoint-jsonl-utf8-\(getpid()).jsonl"
        let bad = Array(#"{"id": "bad", "text": "Pain 8/10\n"#.utf8) + [0xC3, 0x28] + Array(#" secret"}"#.utf8)
        try Data(bad + Array("\n{\"id\": \"good\", \"text\": \"Right L5-S1 TFESI.\"}\n".utf8)).write(to: URL(fileURLWithPath: path))
        defer { try? FileManager.default.removeItem(atPath: path) }
        let items = Array(BatchInputs(paths: [path]))
        #expect(items.map(\.id) == ["bad", "good"])
        guard case .bytes(let bytes) = items[0].payload else { Issue.record("the line was refused before decoding"); return }
        let result = ResultEncoder.json(Fixtures.pipeline.run(bytes: bytes, id: items[0].id))
        #expect(result["error"]?["kind"]?.stringValue == "invalid-utf8")
        #expect(result["error"]?["message"]?.stringValue == "bad: invalid UTF-8 at byte offset 10")
        #expect(!result.serialized().contains("secret"))
    }

    @Test("malicious and broken XML give error records that leak nothing", arguments: xmlFixtures)
    func maliciousXML(path: String) throws {
        let result = ResultEncoder.json(Fixtures.pipeline.run(bytes: Array(try Data(contentsOf: URL(fileURLWithPath: path))), id: "x"))
        let kind = try #require(result["error"]?["kind"]?.stringValue)
        #expect(["xml-doctype", "xml-malformed", "not-cda"].contains(kind))
        let text = result.serialized()
        #expect(!text.contains("root:") && !text.contains("lollol") && !text.contains("AAAAAAAA") && !text.contains("TFESI"))
    }

    @Test("100,000-deep nesting is refused by the parser's depth limit")
    func deepNesting() {
        let depth = 100_000
        let xml = "<ClinicalDocument xmlns=\"urn:hl7-org:v3\">" + String(repeating: "<a>", count: depth)
            + String(repeating: "</a>", count: depth) + "</ClinicalDocument>"
        let result = ResultEncoder.json(Fixtures.pipeline.run(bytes: Array(xml.utf8), id: "deep"))
        #expect(result["error"]?["kind"]?.stringValue == "xml-malformed")
    }

    @Test("a 200 MB document is refused before it is read")
    func hugeDocument() throws {
        let dir = try Self.folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("huge.xml").path
        #expect(FileManager.default.createFile(atPath: path, contents: nil))
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
        try handle.truncate(atOffset: 200 * 1024 * 1024)  // sparse: 200 MB on paper, nothing on disk
        try handle.close()
        guard case .failed(let error) = NoteFile.read(path, maxBytes: NoteDecoder.defaultMaxBytes) else {
            Issue.record("a 200 MB file was read")
            return
        }
        #expect(error.kind == .tooLarge)
        #expect(error.message == "huge: 209715200 bytes is over the limit of 20971520 bytes")
    }

    @Test("10,000 notes with 1% broken: 10,000 lines out, errors included, in input order")
    func tenThousand() async throws {
        let dir = try Self.folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        var text = ""
        for index in 0..<10_000 {
            switch index % 100 {
            case 7: text += "{\"id\": \"n\(index)\", \"text\": \"\"}\n"
            default: text += "{\"id\": \"n\(index)\", \"text\": \"Right L5-S1 TFESI. VAS 7/10 before, 2/10 after.\"}\n"
            }
        }
        let input = dir.appendingPathComponent("many.jsonl")
        try text.write(to: input, atomically: true, encoding: .utf8)
        let out = dir.appendingPathComponent("many.out.jsonl").path
        let summary = try await run([input.path], out: out, jobs: 4)
        let results = try String(contentsOfFile: out, encoding: .utf8).split(separator: "\n")
        #expect(results.count == 10_000)
        #expect(summary.failed == 100)
        #expect(results.enumerated().allSatisfy { $0.element.contains("\"id\":\"n\($0.offset)\"") })
    }

    @Test("frequency limits: the fifth epidural session for one patient and region within a year is flagged")
    func frequency() async throws {
        let dir = try Self.folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let dates = ["01/05/2026", "03/05/2026", "05/05/2026", "07/05/2026", "09/05/2026", "09/10/2026"]
        var text = ""
        for (index, date) in dates.enumerated() {
            let mrn = index == 5 ? "99999" : "12345"
            let note = "MRN: \(mrn)\\nDate of service: \(date)\\nRight L5-S1 transforaminal epidural steroid injection under fluoroscopy."
            text += "{\"id\": \"s\(index)\", \"text\": \"\(note)\"}\n"
        }
        text += "{\"id\": \"cervical\", \"text\": \"MRN: 12345\\nDate of service: 10/01/2026\\nC6-7 interlaminar ESI under fluoroscopy.\"}\n"
        text += "{\"id\": \"later\", \"text\": \"MRN: 12345\\nDate of service: 02/01/2027\\nRight L5-S1 TFESI under fluoroscopy.\"}\n"
        let input = dir.appendingPathComponent("sessions.jsonl")
        try text.write(to: input, atomically: true, encoding: .utf8)
        let out = dir.appendingPathComponent("sessions.out.jsonl").path
        _ = try await run([input.path], out: out)
        let flagged = try Self.lines(out).filter { result in
            (result["flags"]?.arrayValue ?? []).contains { $0["id"]?.stringValue == "frequency-limit-exceeded" }
        }.compactMap { $0["id"]?.stringValue }
        // s4 is the fifth lumbar epidural in 365 days; s5 is another patient; the cervical one is
        // another region; "later" (2027-02-01) is again the fifth in its window (03/05 … 09/05, itself),
        // while 01/05/2026 has left it.
        #expect(flagged == ["s4", "later"])
        let output = try String(contentsOfFile: out, encoding: .utf8)
        #expect(!output.contains("12345"))
    }

    @Test("resume keeps the partial file's result lines up to one that does not read as a result, and codes the rest again")
    func resumeStopsAtABrokenLine() async throws {
        let dir = try Self.folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let input = dir.appendingPathComponent("notes.jsonl").path
        try (1...6).map { #"{"id": "n\#($0)", "text": "Right L\#($0 % 4 + 1)-\#($0 % 4 + 2) TFESI under fluoroscopy."}"# }
            .joined(separator: "\n").write(toFile: input, atomically: true, encoding: .utf8)
        let whole = dir.appendingPathComponent("whole.jsonl").path
        _ = try await run([input], out: whole, jobs: 1)
        let lines = try String(contentsOfFile: whole, encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: false)
        // A killed run's partial file: two results, a line that is no result, then a result that must not be kept.
        let out = dir.appendingPathComponent("out.jsonl").path
        try ([lines[0], lines[1], "{\"id\": \"n3\", broken", lines[3]].joined(separator: "\n") + "\n")
            .write(toFile: out + ".partial", atomically: true, encoding: .utf8)
        let summary = try await BatchRunner(pipeline: Fixtures.pipeline, limits: Self.limits)
            .run(BatchInputs(paths: [input]), output: out, options: .init(jobs: 2, resume: true))
        #expect(summary.resumed == 2 && summary.notes == 6)
        #expect(try String(contentsOfFile: out, encoding: .utf8) == String(contentsOfFile: whole, encoding: .utf8))
    }

    @Test("CSV: one row per code line, every note present")
    func csv() async throws {
        let dir = try Self.folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let input = dir.appendingPathComponent("two.jsonl")
        try """
        {"id": "tf, \\"quoted\\"", "text": "Bilateral L4-5 and L5-S1 TFESI under fluoroscopy. Kenalog 40 mg."}
        {"id": "plan-only", "text": "PLAN: consider RFA."}
        """.write(to: input, atomically: true, encoding: .utf8)
        let out = dir.appendingPathComponent("two.csv").path
        _ = try await run([input.path], out: out, format: .csv)
        let rows = try String(contentsOfFile: out, encoding: .utf8).split(separator: "\n").map(String.init)
        #expect(rows == [
            "id,code,modifiers,units,flags,error",
            "\"tf, \"\"quoted\"\"\",64483,50,1,missing-patient-identification;missing-signature;missing-diagnosis;missing-contrast;missing-needle-views;missing-pre-pain-score;missing-post-pain-score;missing-conservative-care,",
            "\"tf, \"\"quoted\"\"\",64484,50,1,missing-patient-identification;missing-signature;missing-diagnosis;missing-contrast;missing-needle-views;missing-pre-pain-score;missing-post-pain-score;missing-conservative-care,",
            "\"tf, \"\"quoted\"\"\",J3301,,4,missing-patient-identification;missing-signature;missing-diagnosis;missing-contrast;missing-needle-views;missing-pre-pain-score;missing-post-pain-score;missing-conservative-care,",
            "plan-only,,,,,",
        ])
    }
}
