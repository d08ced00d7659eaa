public import ClinicalText

/// Runs every tagger over an analyzed note and asserts each mention with ConText.
///
/// Never throws: odd text gives fewer mentions, never an error.
public struct NoteTagger: Sendable {
    public let lexicons: TaggingLexicons
    public let context: ContextEngine

    public init(lexicons: TaggingLexicons) {
        self.lexicons = lexicons
        self.context = ContextEngine(triggers: lexicons.triggers, months: lexicons.months)
    }

    /// Analyzes the text with the lexicons' conventions.
    public func analyze(_ text: NoteText) -> AnalyzedNote {
        AnalyzedNote(analyzing: text, conventions: lexicons.conventions)
    }

    /// Every mention in the note, sorted by position, with its assertion, section and sentence.
    public func mentions(in note: AnalyzedNote) -> [Mention] {
        var mentions: [Mention] = []
        mentions += PhraseTaggers(lexicons: lexicons).mentions(in: note)
        mentions += SpinalLevelGrammar(lexicons: lexicons).mentions(in: note)
        mentions += PainScoreGrammar(lexicons: lexicons).mentions(in: note)
        mentions += DoseGrammar(lexicons: lexicons).mentions(in: note)
        mentions += DiagnosisCodeGrammar().mentions(in: note)
        mentions += DocumentationTagger(lexicons: lexicons).mentions(in: note)
        mentions.sort { ($0.range.start, $0.range.end) < ($1.range.start, $1.range.end) }
        context.annotate(&mentions, in: note)
        return mentions
    }
}
