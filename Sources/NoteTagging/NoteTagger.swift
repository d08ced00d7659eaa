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
        Self.sortByPosition(&mentions)
        context.annotate(&mentions, in: note)
        return mentions
    }

    /// Sorts the mentions by start, then end, ties in tagger order: sorts small keys, then moves
    /// each mention into place once (sorting the mentions themselves moves large values many
    /// times; gathering them into a new array copies and destroys each).
    static func sortByPosition(_ mentions: inout [Mention]) {
        var keys = mentions.indices.map { index in
            (position: UInt64(UInt32(mentions[index].range.start)) << 32 | UInt64(UInt32(mentions[index].range.end)), index: index)
        }
        keys.sort { $0.position < $1.position }  // stable (as `sort` is guaranteed to be): ties keep tagger order
        guard keys.indices.contains(where: { keys[$0].index != $0 }) else { return }
        mentions.withUnsafeMutableBufferPointer { buffer in
            guard let base = buffer.baseAddress else { return }
            let sorted = UnsafeMutablePointer<Mention>.allocate(capacity: buffer.count)
            defer { sorted.deallocate() }
            for (position, key) in keys.enumerated() { (sorted + position).moveInitialize(from: base + key.index, count: 1) }
            base.moveInitialize(from: sorted, count: buffer.count)
        }
    }
}
