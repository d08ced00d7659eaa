import NotePipeline
import ProcedureCoding
import Testing
import _NeedlepointTestSupport

/// The embedded lexicons' tables are built once per process; a lexicon folder gets its own.
@Suite("Lexicon tables")
struct LexiconTablesTests {
    @Test("pipelines from the embedded lexicons share one set of tables, whether it was started early or not")
    func embeddedShared() throws {
        NeedlepointPipeline.prepareEmbeddedLexicons()
        let first = try NeedlepointPipeline()
        let second = try NeedlepointPipeline(options: CodingOptions(includeDrugCodes: false))
        #expect(first.tagger.lexicons === second.tagger.lexicons)
        #expect(first.tagger.lexicons === Fixtures.pipeline.tagger.lexicons)
    }

    @Test("a lexicon folder is read into its own tables, which code the note as the built-in copy does")
    func folderTables() throws {
        let folder = try NeedlepointPipeline(lexicons: .directory(Fixtures.root + "/Lexicons"))
        #expect(folder.tagger.lexicons !== Fixtures.pipeline.tagger.lexicons)
        let text = try Fixtures.text("Corpora/examples/lumbar-tfesi.txt")
        let note = Note(id: "tfesi", text: text)
        #expect(ResultEncoder.bytes(folder.run(note)) == ResultEncoder.bytes(Fixtures.pipeline.run(note)))
    }
}
