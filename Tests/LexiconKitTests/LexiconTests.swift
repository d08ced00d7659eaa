import Foundation
import ClinicalText
import LexiconKit
import NoteTagging
import Testing
import _NeedlepointTestSupport

@Suite("Lexicon tables")
struct LexiconTests {
    @Test("the embedded copy is the Lexicons/ folder, byte for byte")
    func embeddedIsCurrent() throws {
        var files: [(path: String, text: String)] = []
        let root = Fixtures.root + "/Lexicons"
        let enumerator = FileManager.default.enumerator(atPath: root)
        while let relative = enumerator?.nextObject() as? String {
            if relative.hasSuffix(".tsv") { files.append((relative, try Fixtures.text("Lexicons/" + relative))) }
        }
        let expected = LexiconEmbedding.swiftSources(for: files)
        let present = try FileManager.default.contentsOfDirectory(atPath: Fixtures.root + "/" + LexiconEmbedding.directory)
            .filter { $0.hasSuffix(".swift") }.sorted()
        #expect(present == expected.map(\.name).sorted(), "Generated/ holds other files. Run `swift run generate-lexicons`.")
        for file in expected {
            let generated = try? Fixtures.text(LexiconEmbedding.directory + "/" + file.name)
            #expect(generated == file.source, "\(file.name) is out of date. Run `swift run generate-lexicons`.")
        }
        #expect(EmbeddedLexicons.paths.count == files.count)
    }

    @Test("every table the taggers read exists on disk and parses")
    func tablesLoadFromDisk() throws {
        let lexicons = try TaggingLexicons(source: .directory(Fixtures.root + "/Lexicons"))
        #expect(lexicons.procedures.count > 150)
        #expect(lexicons.triggers.count > 250)
        #expect(lexicons.drugs.count > 60)
        #expect(lexicons.conventions.sectionHeadings["past medical history"] == .pastHistory)
        let words = ["past", "medical", "history"].map { lexicons.conventions.symbols.symbol($0) }
        #expect(lexicons.conventions.headings.payload(exactly: words[...]) == .pastHistory)
        #expect(lexicons.conventions.headings.payload(exactly: words[..<2]) == nil)  // "past medical" is no heading
        #expect(lexicons.conventions.units["cc"] == .mL)
        for path in TaggingLexicons.tablePaths {
            #expect(FileManager.default.fileExists(atPath: Fixtures.root + "/Lexicons/" + path), "\(path)")
        }
    }

    @Test("errors name file, line and column, with a caret under the cell")
    func errorsPointAtTheCell() throws {
        let table = try TSVTable(path: "drugs/test.tsv", text: "# comment\nphrase\tgeneric\tclass\nkenalog\ttriamcinolone\tsteroidz\n")
        let error = #expect(throws: LexiconError.self) {
            _ = try table.rows[0].value("class", as: DrugClass.self)
        }
        #expect(error?.line == 3)
        #expect(error?.column == 23)
        #expect(error?.description.hasPrefix("Lexicons/drugs/test.tsv:3:23: unknown value `steroidz`") == true)
        #expect(error?.description.hasSuffix("\n       \t             \t^") == true)
    }

    @Test("cells are trimmed, `-` is none, lists split on commas; comments, blank lines and CRLF are skipped")
    func cellsAndLists() throws {
        let text = "# a comment\r\n  phrase \tviews\t note\r\n\r\n  # indented comment\n"
            + " AP and lateral \t ap , lateral,,\t-\r\noblique\t-\n\tcontralateral-oblique\n"
        let table = try TSVTable(path: "contrast/test.tsv", text: text)
        #expect(table.columns == ["phrase", "views", "note"])
        #expect(table.rows.map(\.line) == [5, 6, 7])
        #expect(try table.rows[0].text("phrase") == "AP and lateral")
        #expect(try table.rows[0].list("views") == ["ap", "lateral"])
        #expect(try table.rows[0].optional("note") == nil)
        #expect(try table.rows[1].list("views") == [])
        #expect(throws: LexiconError.self) { _ = try table.rows[1].optional("note") }  // a row shorter than the header: no cell
        #expect(try table.rows[1].optional("absent") == nil)
        let empty = #expect(throws: LexiconError.self) { _ = try table.rows[2].text("phrase") }
        #expect(empty?.line == 7)
        #expect(empty?.description.contains("the `phrase` cell is empty") == true)
        #expect(try table.rows[2].text("views") == "contralateral-oblique")
    }

    @Test("a row wider than the header is an error")
    func wideRows() {
        #expect(throws: LexiconError.self) { _ = try TSVTable(path: "x.tsv", text: "a\tb\n1\t2\t3\n") }
    }

    @Test("a broken lexicon folder fails loudly, naming the file")
    func brokenFolder() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("np-lexicons-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let error = #expect(throws: LexiconError.self) { _ = try TaggingLexicons(source: .directory(folder.path)) }
        #expect(error?.path == "text/units.tsv")
    }

    @Test("grammar words: every list the code reads has words, read back by token symbol")
    func grammarWords() throws {
        let lexicons = try TaggingLexicons(source: .directory(Fixtures.root + "/Lexicons"))
        let words = lexicons.conventions.words
        for list in GrammarWords.List.allCases {
            #expect(words[list].count > 0, "\(list.name) has no words")
        }
        #expect(GrammarWords.List(name: "not-a-name") == .notAName)
        let note = AnalyzedNote(analyzing: NoteText("L3 THROUGH S1; pain score is 6"), conventions: lexicons.conventions)
        let through = note.tokens[note.keys.firstIndex(of: "through")!]
        #expect(words.contains(.levelRange, through))
        #expect(!words.contains(.levelList, through))
        let gap = note.keys.indices.filter { words.contains(.painGap, note.tokens[$0]) }.map { note.keys[$0] }
        #expect(gap == ["score", "is"])
    }

    @Test("an unknown grammar-word list is an error naming the file and the cell")
    func unknownGrammarList() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("np-lexicons-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.copyItem(atPath: Fixtures.root + "/Lexicons", toPath: folder.path)
        let path = folder.appendingPathComponent("text/grammar-words.tsv")
        let table = try String(contentsOf: path, encoding: .utf8)
        try (table + "level-rnage\tto\n").write(to: path, atomically: true, encoding: .utf8)
        let error = #expect(throws: LexiconError.self) { _ = try TaggingLexicons(source: .directory(folder.path)) }
        #expect(error?.path == "text/grammar-words.tsv")
        #expect(error?.column == 1)
        #expect(error?.reason.hasPrefix("unknown list `level-rnage`; expected one of level-range, level-list") == true)
    }
}
