import ClinicalText
import NotePipeline
import NoteTagging
import Testing
import _NeedlepointTestSupport

/// Phrase tables walk a trie over key symbols: the symbols analysis gives tokens must lead to the
/// same longest matches the phrases' keys would.
@Suite("Phrase tables on key symbols")
struct PhraseTableTests {
    @Test("longest match wins, a prefix alone still matches, and unknown keys stop the walk")
    func longestMatch() {
        let tokenizer = Tokenizer(units: [:])
        var symbols = KeySymbols()
        var table = PhraseTable<String>()
        table.add("epidural", "short", tokenizer: tokenizer, symbols: &symbols)
        table.add("epidural steroid injection", "long", tokenizer: tokenizer, symbols: &symbols)
        table.add("Epidural  Steroid Injection", "replaced", tokenizer: tokenizer, symbols: &symbols)
        #expect(table.count == 2)
        let conventions = TextConventions(units: [:], sectionHeadings: [:], symbols: symbols)
        let note = AnalyzedNote(analyzing: NoteText("An EPIDURAL steroid injection; epidural steroid shot; epidural banana"),
                                conventions: conventions)
        let matches = table.matches(in: note.tokens, range: 0..<note.tokens.count).map { match in
            (match.payload, note.keys[match.tokens].joined(separator: " "))
        }
        #expect(matches.map(\.0) == ["replaced", "short", "short"])
        #expect(matches.map(\.1) == ["epidural steroid injection", "epidural", "epidural"])
        #expect(note.keys.firstIndex(of: "banana").map { note.tokens[$0].symbol } == KeySymbols.unknown)
        #expect(note.keys.firstIndex(of: "steroid").map { note.tokens[$0].symbol } == symbols.symbol("steroid"))
    }

    @Test("phrase starts: one bit per table for each key a phrase of that table starts with")
    func phraseStarts() {
        let tokenizer = Tokenizer(units: [:])
        var symbols = KeySymbols()
        var first = PhraseTable<Int>(), second = PhraseTable<Int>()
        first.add("epidural steroid", 1, tokenizer: tokenizer, symbols: &symbols)
        second.add("steroid", 2, tokenizer: tokenizer, symbols: &symbols)
        second.add("epidural space", 3, tokenizer: tokenizer, symbols: &symbols)
        let tables = [first, second]
        let starts = PhraseStarts(tables: 2, symbols: symbols) { tables[$0].startsPhrase($1) }
        let conventions = TextConventions(units: [:], sectionHeadings: [:], symbols: symbols)
        let note = AnalyzedNote(analyzing: NoteText("Epidural steroid banana space"), conventions: conventions)
        #expect(note.tokens.map(starts.mask(of:)) == [0b11, 0b10, 0, 0])
    }

    @Test("a corpus note's tokens carry the lexicons' symbols, and the procedure table finds its procedure")
    func corpusSymbols() throws {
        let text = try Fixtures.text("Corpora/examples/lumbar-tfesi.txt")
        let note = Fixtures.pipeline.tagger.analyze(NoteText(text))
        let known = note.tokens.filter { $0.symbol != KeySymbols.unknown }
        #expect(known.count > note.tokens.count / 3)
        let procedures = Fixtures.pipeline.tagger.lexicons.procedures
        #expect(!procedures.matches(in: note.tokens, range: 0..<note.tokens.count).isEmpty)
    }
}
