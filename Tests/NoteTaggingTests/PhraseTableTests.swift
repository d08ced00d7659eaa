import ClinicalText
import LexiconKit
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

    @Test("a table's phrases tokenized in one run make the table that adding them one by one makes",
          arguments: ["procedures/procedures.tsv", "anatomy/regions.tsv", "anatomy/sides.tsv", "anatomy/level-heads.tsv",
                      "guidance/guidance.tsv", "contrast/contrast.tsv", "contrast/views.tsv", "drugs/drugs.tsv",
                      "drugs/dose-cues.tsv", "pain/pain.tsv", "diagnoses/diagnoses.tsv", "anatomy/non-target-cues.tsv",
                      "contrast/final-position-cues.tsv", "text/number-words.tsv", "anatomy/muscles.tsv",
                      "procedures/block-words.tsv", "guidance/electrical.tsv", "documentation/documentation.tsv",
                      "context/triggers.tsv"])
    func phrasesInOneRun(path: String) throws {
        let tokenizer = Fixtures.pipeline.tagger.lexicons.tokenizer
        var rows = try LexiconSource.directory(Fixtures.root + "/Lexicons").table(path).rows.map { row in
            (phrase: try row.text("phrase"), payload: row.line)
        }
        // What a table's edge could hold: a unit after a number, joined levels, a percent, a line break, nothing.
        rows += [("10 mg", -1), ("L4-5 / L5-S1", -2), ("0.5% bupivacaine", -3), ("two\nlines", -4), ("", -5), ("mg", -6)]
        var one = PhraseTable<Int>(), oneSymbols = KeySymbols()
        for row in rows { one.add(row.phrase, row.payload, tokenizer: tokenizer, symbols: &oneSymbols) }
        var batch = PhraseTable<Int>(), batchSymbols = KeySymbols()
        batch.add(rows, tokenizer: tokenizer, symbols: &batchSymbols)
        #expect(batch.count == one.count)
        #expect(batchSymbols.count == oneSymbols.count)
        #expect(batch.firstSymbols == one.firstSymbols)
        for row in rows {
            let keys = tokenizer.tokens(of: NoteText(row.phrase)).keys
            let symbols = keys.map { oneSymbols.symbol($0) }
            #expect(keys.map { batchSymbols.symbol($0) } == symbols, "\(path): \(row.phrase)")
            #expect(batch.payload(exactly: symbols) == one.payload(exactly: symbols), "\(path): \(row.phrase)")
        }
    }

    @Test("phrase starts: one bit per table for each key a phrase of that table starts with")
    func phraseStarts() {
        let tokenizer = Tokenizer(units: [:])
        var symbols = KeySymbols()
        var first = PhraseTable<Int>(), second = PhraseTable<Int>()
        first.add("epidural steroid", 1, tokenizer: tokenizer, symbols: &symbols)
        second.add("steroid", 2, tokenizer: tokenizer, symbols: &symbols)
        second.add("epidural space", 3, tokenizer: tokenizer, symbols: &symbols)
        let starts = PhraseStarts(symbols: symbols, firstSymbols: [first.firstSymbols, second.firstSymbols])
        let conventions = TextConventions(units: [:], sectionHeadings: [:], symbols: symbols)
        let note = AnalyzedNote(analyzing: NoteText("Epidural steroid banana space"), conventions: conventions)
        #expect(starts.masks(of: note.tokens) == [0b11, 0b10, 0, 0])
    }

    @Test("a token's mask marks its shape above the tables' bits: a letter then a digit, or a leading digit")
    func shapeBits() {
        let conventions = TextConventions(units: ["mg": .mg], sectionHeadings: [:], phraseStarts: [[]])
        let note = AnalyzedNote(analyzing: NoteText("L4-5 M54.16 7/10 10 mg banana x1 1x ."), conventions: conventions)
        let (letterDigit, digitLed) = (PhraseStarts.letterDigit, PhraseStarts.digitLed)
        #expect(note.phraseStarts == [letterDigit, letterDigit, digitLed, digitLed, 0, letterDigit, digitLed, 0])
        #expect(note.sentenceStarts == [letterDigit | digitLed])
        #expect(note.sentenceMayStart(digitLed, 0) && !note.sentenceMayStart(1, 0))
    }

    @Test("every lexicon table has its own start bit, and matching by start bits finds what trying every token finds",
          arguments: ["Corpora/examples/lumbar-tfesi.txt", "Corpora/authored/cervical-dystonia-dysport-bilateral-emg-no-waste.txt",
                     "Corpora/authored/acupuncture-estim-chronic-low-back-pain-30-minutes.txt",
                     "Corpora/authored/intercostal-left-t5-t6-fluoro-depo-medrol.txt"])
    func startBits(path: String) throws {
        let lexicons = Fixtures.pipeline.tagger.lexicons
        let note = Fixtures.pipeline.tagger.analyze(NoteText(try Fixtures.text(path)))
        #expect(note.phraseStarts.count == note.tokens.count)
        func check<P>(_ table: PhraseTable<P>, _ name: String, bits: inout UInt32) {
            #expect(table.startBit != 0 && table.startBit & (table.startBit - 1) == 0, "\(name): one bit")
            #expect(bits & table.startBit == 0, "\(name): a bit of its own")
            bits |= table.startBit
            for (index, token) in note.tokens.enumerated() {
                #expect((note.phraseStarts[index] & table.startBit != 0) == table.startsPhrase(token.symbol), "\(name), token \(index)")
            }
            var byBits: [Range<Int>] = []
            table.forEachMatch(in: note, range: 0..<note.tokens.count) { byBits.append($1) }
            #expect(byBits == table.matches(in: note.tokens, range: 0..<note.tokens.count).map(\.tokens), "\(name)")
            #expect(table.sentencesWithMatch(in: note) == note.sentences.map { !table.matches(in: note.tokens, range: $0.tokens).isEmpty },
                    "\(name)")
            let sentencesWithStart = note.sentences.map { $0.tokens.contains { table.startsPhrase(note.tokens[$0].symbol) } }
            #expect(note.sentences.indices.map { table.mayStart(in: note, sentence: $0) } == sentencesWithStart, "\(name)")
            #expect(note.sentences.indices.map { note.sentenceMayStart(table.startBit, $0) } == sentencesWithStart, "\(name)")
            var bySentence: [Range<Int>] = []
            for sentence in note.sentences.indices { table.forEachMatch(in: note, sentence: sentence) { bySentence.append($1) } }
            #expect(bySentence == note.sentences.flatMap { table.matches(in: note.tokens, range: $0.tokens).map(\.tokens) }, "\(name)")
        }
        var bits: UInt32 = 0
        check(lexicons.procedures, "procedures", bits: &bits)
        check(lexicons.regions, "regions", bits: &bits)
        check(lexicons.sides, "sides", bits: &bits)
        check(lexicons.levelHeads, "level heads", bits: &bits)
        check(lexicons.guidance, "guidance", bits: &bits)
        check(lexicons.contrast, "contrast", bits: &bits)
        check(lexicons.views, "views", bits: &bits)
        check(lexicons.drugs, "drugs", bits: &bits)
        check(lexicons.doseCues, "dose cues", bits: &bits)
        check(lexicons.pain, "pain", bits: &bits)
        check(lexicons.diagnoses, "diagnoses", bits: &bits)
        check(lexicons.documentation, "documentation", bits: &bits)
        check(lexicons.triggers, "triggers", bits: &bits)
        check(lexicons.nonTargetCues, "non-target cues", bits: &bits)
        check(lexicons.finalPositionCues, "final-position cues", bits: &bits)
        check(lexicons.numberWords, "number words", bits: &bits)
        check(lexicons.blockWords, "block words", bits: &bits)
        check(lexicons.muscles, "muscles", bits: &bits)
        check(lexicons.electrical, "electrical", bits: &bits)
        // The one-word maps read at every token: their own bits, and the same values read through them.
        func check<V: Equatable>(_ map: SymbolMap<V>, _ name: String, bits: inout UInt32) {
            #expect(map.startBit != 0 && map.startBit & (map.startBit - 1) == 0, "\(name): one bit")
            #expect(bits & map.startBit == 0, "\(name): a bit of its own")
            bits |= map.startBit
            for (index, token) in note.tokens.enumerated() {
                #expect(map.value(in: note, at: index) == map[token.symbol], "\(name), token \(index)")
            }
        }
        check(lexicons.ordinals, "ordinals", bits: &bits)
        check(lexicons.credentials, "credentials", bits: &bits)
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
