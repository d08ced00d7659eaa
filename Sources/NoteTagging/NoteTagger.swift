public import ClinicalText

/// Runs every tagger over an analyzed note and asserts each mention with ConText.
///
/// Never throws: odd text gives fewer mentions, never an error.
public struct NoteTagger: Sendable {
    public let lexicons: TaggingLexicons
    public let context: ContextEngine
    /// The phrase tables' scan, built once.
    let phrases: PhraseTaggers

    public init(lexicons: TaggingLexicons) {
        self.lexicons = lexicons
        self.phrases = PhraseTaggers(lexicons: lexicons)
        self.context = ContextEngine(triggers: lexicons.triggers, months: lexicons.months, words: lexicons.conventions.words)
    }

    /// Analyzes the text with the lexicons' conventions.
    public func analyze(_ text: NoteText) -> AnalyzedNote {
        AnalyzedNote(analyzing: text, conventions: lexicons.conventions)
    }

    /// Every mention in the note, sorted by position, with its assertion, section and sentence.
    public func mentions(in note: AnalyzedNote) -> [Mention] {
        var mentions: [Mention] = []
        mentions.reserveCapacity(note.tokens.count / 2)
        phrases.tag(note, into: &mentions)
        SpinalLevelGrammar(lexicons: lexicons).tag(note, into: &mentions)
        PainScoreGrammar(lexicons: lexicons).tag(note, into: &mentions)
        DoseGrammar(lexicons: lexicons).tag(note, into: &mentions)
        DiagnosisCodeGrammar().tag(note, into: &mentions)
        DocumentationTagger(lexicons: lexicons).tag(note, into: &mentions)
        mentions = Self.sortedByPosition(mentions)
        context.annotate(&mentions, in: note)
        return mentions
    }

    /// The mentions by start, then end, ties in tagger order: sorts small keys, then moves each
    /// mention once (sorting the mentions themselves moves large values many times).
    static func sortedByPosition(_ mentions: [Mention]) -> [Mention] {
        var keys = mentions.indices.map { index in
            (position: UInt64(UInt32(mentions[index].range.start)) << 32 | UInt64(UInt32(mentions[index].range.end)), index: index)
        }
        keys.sort { $0.position != $1.position ? $0.position < $1.position : $0.index < $1.index }
        return keys.map { mentions[$0.index] }
    }
}
