/// The text-level vocabulary the analyzer needs: unit spellings, section headings, the
/// abbreviations whose period does not end a sentence, the grammars' single words, and the
/// numbered keys of the lexicons' phrases. Built from `Lexicons/`.
///
/// A class: built once, read by every note's analysis, and handed around by reference (as a
/// struct, each holder's copy retained every table it holds).
public final class TextConventions: Sendable {
    /// Folded unit spelling → canonical unit.
    public var units: [String: MeasureUnit] { tokenizer.units }
    /// Heading phrase (token keys joined by one space) → section kind.
    public let sectionHeadings: [String: SectionKind]
    /// The heading phrases by their words' key symbols, for matching a line's words.
    public let headings: PhraseTable<SectionKind>
    /// Folded abbreviations, without their final period ("dr", "e.g", "approx").
    public let abbreviations: KeySet
    /// The single words grammars read around what they tag (`text/grammar-words.tsv`).
    public let words: GrammarWords
    /// The tokenizer of notes: it numbers each token's key by the lexicons' keys.
    public let tokenizer: Tokenizer
    /// The keys of every lexicon phrase and unit spelling, numbered: analysis gives each token its key's symbol.
    public var symbols: KeySymbols { tokenizer.symbols }
    /// Which lexicon tables have a phrase starting with each key: analysis gives each token its
    /// bits (``AnalyzedNote/phraseStarts``); nil when no table has a start bit.
    public let phraseStarts: PhraseStarts?

    /// `abbreviations` and `words` must be numbered in `symbols`; the heading and unit spellings
    /// are numbered here. `phraseStarts`, when given, holds for table number `i` (whose
    /// ``PhraseTable/startBit`` must be `1 << i`) the symbols its phrases start with
    /// (``PhraseTable/firstSymbols``; see ``PhraseStarts``).
    public init(units: [String: MeasureUnit], sectionHeadings: [String: SectionKind], abbreviations: KeySet = KeySet(),
                words: GrammarWords = GrammarWords(), symbols: KeySymbols = KeySymbols(),
                phraseStarts firstSymbols: [[Int32]]? = nil) {
        var symbols = symbols
        var headings = PhraseTable<SectionKind>()
        for phrase in sectionHeadings.keys.sorted() {
            headings.add(keys: Self.words(phrase), sectionHeadings[phrase]!, symbols: &symbols)
        }
        self.tokenizer = Tokenizer(units: units, symbols: symbols)
        let numbered = tokenizer.symbols
        self.phraseStarts = firstSymbols.map { PhraseStarts(symbols: numbered, firstSymbols: $0) }
        self.sectionHeadings = sectionHeadings
        self.headings = headings
        self.abbreviations = abbreviations
        self.words = words
        longestHeading = sectionHeadings.keys.map { Self.words($0).count }.max() ?? 0
    }

    /// The number of tokens in the longest heading phrase.
    public let longestHeading: Int

    /// A heading phrase's words, split at its spaces by bytes: splitting the string itself walks it
    /// Character by Character (grapheme breaking), a third of the conventions' loading.
    private static func words(_ phrase: String) -> [String] {
        phrase.utf8.split(separator: UInt8(ascii: " ")).map { String(Substring($0)) }
    }
}
