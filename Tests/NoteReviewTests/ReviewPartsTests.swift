import Foundation
import NotePipeline
@testable import NoteReview
import ProcedureCoding
import Testing
import _NeedlepointTestSupport

@Suite("review parts")
struct ReviewPartsTests {
    static func note(_ id: String, errors: Int, warnings: Int, infos: Int = 0) -> CodedNote {
        var note = CodedNote(id: id)
        note.flags = (0..<errors).map { ReviewedFlag(id: "e\($0)", severity: .error) }
            + (0..<warnings).map { ReviewedFlag(id: "w\($0)", severity: .warning) }
            + (0..<infos).map { ReviewedFlag(id: "i\($0)", severity: .info) }
        return note
    }

    @Test("the worklist keeps exactly the first notes of a full sort, however many stream past")
    func worklistIsBounded() {
        var generator = SystemRandomNumberGenerator()
        let notes = (0..<5_000).map { index in
            Self.note(String(format: "n%05d", index), errors: Int.random(in: 0...2, using: &generator),
                      warnings: Int.random(in: 0...4, using: &generator), infos: Int.random(in: 0...1, using: &generator))
        }
        var worklist = Worklist(capacity: 25)
        for note in notes { worklist.offer(note) }
        let qualified = notes.filter { !$0.gaps.isEmpty }
        #expect(worklist.candidates == qualified.count)
        #expect(worklist.notes.map(\.id) == Array(qualified.sorted(by: Worklist.comesBefore).prefix(25)).map(\.id))
        #expect(worklist.notes.allSatisfy { !$0.gaps.isEmpty })
        let info = Self.note("only-info", errors: 0, warnings: 0, infos: 2)
        var empty = Worklist(capacity: 5)
        empty.offer(info)
        #expect(empty.notes.isEmpty && empty.candidates == 0)
    }

    @Test("a result line reads as a coded note; an error record and a broken line as unreadable")
    func readsResultLines() throws {
        let line = Fixtures.result("""
            Patient: Doe, Jane   MRN 4455667
            Date of service: 03/04/2026
            PROCEDURE: Right L5-S1 transforaminal epidural steroid injection under fluoroscopy.
            Pain 7/10 before, 2/10 after. Dexamethasone 10 mg.
            Electronically signed by Ann Lee, MD
            """, id: "a").serialized()
        guard case .coded(let note) = ReviewedNote(resultLine: Array(line.utf8), lineNumber: 1) else {
            Issue.record("not coded"); return
        }
        #expect(note.id == "a" && note.provider == "Ann Lee, MD" && note.serviceDate == "2026-03-04")
        #expect(note.families == ["epidural-transforaminal"] && note.painChange == -5)
        #expect(note.codes.map(\.label).contains("64483-RT ×1"))
        let error = Fixtures.pipeline.run(bytes: [], id: "b")
        #expect(ReviewedNote(resultLine: Array(ResultEncoder.json(error).serialized().utf8), lineNumber: 2) == .unreadable(id: "b", kind: "empty"))
        #expect(ReviewedNote(resultLine: Array("[1, 2".utf8), lineNumber: 3) == .unreadable(id: "line 3", kind: "not-a-result"))
        // A member the review reads, with a value of the wrong type, is not a result either; null is absent.
        #expect(ReviewedNote(resultLine: Array(#"{"id": "c", "codes": [{"code": 64483}]}"#.utf8), lineNumber: 4)
                == .unreadable(id: "line 4", kind: "not-a-result"))
        for (number, line) in [#"{"id": 5}"#, #"{"id": "e", "error": "x"}"#, "[1, 2]",
                               #"{"id": "f", "flags": [{"id": "missing-level", "evidence": [{"start": 3.5, "end": 4}]}]}"#,
                               #"{"id": "g", "codes": [{"code": "64483", "modifiers": [1]}]}"#].enumerated() {
            #expect(ReviewedNote(resultLine: Array(line.utf8), lineNumber: number + 5) == .unreadable(id: "line \(number + 5)", kind: "not-a-result"))
        }
        guard case .coded(let bare) = ReviewedNote(resultLine: Array(#"{"id": "d", "pain": null, "codes": null}"#.utf8), lineNumber: 10) else {
            Issue.record("a line with null members is a result"); return
        }
        #expect(bare.id == "d" && bare.codes.isEmpty && bare.painChange == nil)
    }

    @Test("an excerpt highlights the evidence and removes the patient's identifiers wherever they recur")
    func excerptRemovesIdentifiers() throws {
        let folder = NSTemporaryDirectory() + "needlepoint-excerpt-\(getpid())"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let text = """
            Pt: Gallardo-Pryce, Leontine   MRN: 52290067   DOB: 04/02/1979
            Ms. Gallardo-Pryce (MRN 52290067) had a left L4-5 transforaminal epidural steroid injection; Leontine tolerated it.
            """
        try text.write(toFile: folder + "/n1.txt", atomically: true, encoding: .utf8)
        let result = Fixtures.result(text, id: "n1").serialized()
        guard case .coded(let note) = ReviewedNote(resultLine: Array(result.utf8), lineNumber: 1) else {
            Issue.record("not coded"); return
        }
        let found = NoteExcerpts(pipeline: Fixtures.pipeline, inputs: [folder]).find([note])
        let excerpt = try #require(found["n1"]?.excerpt)
        let shown = excerpt.parts.map { part -> String in
            switch part {
            case .text(let text): text
            case .evidence(let text): "[" + text + "]"
            case .redacted: "#"
            }
        }.joined()
        #expect(found["n1"]?.path == folder + "/n1.txt")
        #expect(excerpt.parts.contains { if case .evidence = $0 { true } else { false } }, "\(excerpt.parts) \(result)")
        for identifier in ["Gallardo", "Pryce", "Leontine", "52290067", "04/02/1979"] { #expect(!shown.contains(identifier), "\(shown)") }
        #expect(shown.contains("Ms. #"))
    }

    @Test("an empty results file is an error, not an empty report")
    func emptyResults() throws {
        let path = NSTemporaryDirectory() + "needlepoint-empty-\(getpid()).jsonl"
        #expect(FileManager.default.createFile(atPath: path, contents: Data("\n\n".utf8)))
        defer { try? FileManager.default.removeItem(atPath: path) }
        #expect(throws: ReviewError.noResults(path)) {
            try DocumentationReview(pipeline: Fixtures.pipeline).run(results: path, html: path + ".html")
        }
        #expect(!FileManager.default.fileExists(atPath: path + ".html"))
    }

    @Test("initials and name particles do not end a patient's name: every part is removed")
    func identifierParticles() {
        let words = NoteExcerpts.identifierWords("J. de la Cruz, Maria   DOB 01/02/1960", particles: Fixtures.pipeline.tagger.lexicons.nameParticles).map { String(decoding: $0, as: UTF8.self) }
        #expect(words.contains("Cruz") && words.contains("Maria"))
        #expect(!words.contains("de") && !words.contains("J"))
        let stops = NoteExcerpts.identifierWords("52290067) had a left L4-5 injection", particles: Fixtures.pipeline.tagger.lexicons.nameParticles).map { String(decoding: $0, as: UTF8.self) }
        #expect(stops == ["52290067"])
    }

    @Test("escaping works on scalars: a quote with a combining mark, and CR LF inside a CSV field")
    func escaping() {
        #expect(HTMLText.escape("Lee\"\u{301} onload=x") == "Lee&quot;\u{301} onload=x")
        #expect(CSVRow.row(["a\r\n=HYPERLINK(1)", "=1+1", "\t=cmd", "-5"]) == "\"a\r\n=HYPERLINK(1)\",'=1+1,'\t=cmd,-5\n")
    }
}
