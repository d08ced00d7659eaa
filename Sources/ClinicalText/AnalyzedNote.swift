/// A note after text analysis: tokens, sections and sentences, ready for the taggers.
///
/// Built by ``init(analyzing:conventions:)``, which never fails.
public struct AnalyzedNote: Sendable {
    public let text: NoteText
    public let tokens: [Token]
    /// For every token, its folded lookup key (see ``KeyFolding``).
    public let keys: TokenKeys
    public let sections: [Section]
    public let sentences: [Sentence]
    /// For every token, the index of its sentence.
    public let sentenceOfToken: [Int32]
    /// For every token, the start bits of the lexicon tables with a phrase starting there
    /// (``TextConventions/phraseStarts``); empty when the conventions have none.
    public let phraseStarts: [UInt32]
    /// For every sentence, the start bits of its tokens together: a table without its bit there
    /// has no phrase in the sentence (``sentenceMayStart(_:_:)``); empty when the conventions have none.
    public let sentenceStarts: [UInt32]

    public init(analyzing text: NoteText, conventions: TextConventions) {
        let tokenized = conventions.tokenizer.tokens(of: text)
        let tokens = tokenized.tokens
        let headings = HeadingFinder(tokens: tokens, keys: tokenized.keys, text: text, conventions: conventions).headings()
        let sections = Self.sections(from: headings, tokens: tokens, textLength: text.utf8.count)
        let sentences = SentenceSplitter(tokens: tokens, keys: tokenized.keys, conventions: conventions, text: text)
            .sentences(sections: sections, headings: headings)
        let phraseStarts = conventions.phraseStarts?.masks(of: tokens) ?? []
        var sentenceOfToken = [Int32](filling: 0, count: tokens.count)
        var sentenceStarts = [UInt32](filling: 0, count: phraseStarts.isEmpty ? 0 : sentences.count)
        for (index, sentence) in sentences.enumerated() {
            for token in sentence.tokens { sentenceOfToken[token] = Int32(index) }
            if !phraseStarts.isEmpty {
                var bits: UInt32 = 0
                for token in sentence.tokens { bits |= phraseStarts[token] }
                sentenceStarts[index] = bits
            }
        }
        self.text = text
        self.tokens = tokens
        self.keys = tokenized.keys
        self.sections = sections
        self.sentences = sentences
        self.sentenceOfToken = sentenceOfToken
        self.phraseStarts = phraseStarts
        self.sentenceStarts = sentenceStarts
    }

    /// False when no token of sentence `index` has one of `bits` in its start mask, so that no
    /// phrase of those tables stands in it (one read); true when the note has no start masks.
    @inlinable
    public func sentenceMayStart(_ bits: UInt32, _ index: Int) -> Bool {
        sentenceStarts.count != sentences.count || sentenceStarts[index] & bits != 0
    }

    /// The first token in `start..<end` whose start mask has one of `bits` (``phraseStarts``), or
    /// `end`; `start` itself when the note has no start masks (then every token is a candidate).
    @inlinable @inline(__always)
    public func nextPhraseStart(_ bits: UInt32, from start: Int, to end: Int) -> Int {
        guard phraseStarts.count == tokens.count else { return start }
        return phraseStarts.withUnsafeBufferPointer { starts in
            var index = start
            let end = min(end, starts.count)
            while index < end, starts[index] & bits == 0 { index += 1 }
            return index
        }
    }

    /// True when no line break stands between the two tokens.
    @inlinable public func onSameLine(_ first: Int, _ second: Int) -> Bool {
        let lower = min(first, second), upper = max(first, second)
        guard lower < upper else { return true }
        for index in (lower + 1)...upper where tokens[index].spacing.startsLine { return false }
        return true
    }

    /// The section a token belongs to.
    public func section(ofToken index: Int) -> Section {
        sections[sentences[Int(sentenceOfToken[index])].section]
    }

    /// The index of the first token that starts at or after a byte offset.
    public func tokenIndex(atOrAfter offset: Int32) -> Int {
        var low = 0, high = tokens.count
        while low < high {
            let mid = (low + high) / 2
            if tokens[mid].range.start < offset { low = mid + 1 } else { high = mid }
        }
        return low
    }

    /// Sections from headings. A label heading (`administrative`: "Patient:", "DOB:", "Physician:")
    /// covers only its own line, and the text after it continues the section it interrupted; a
    /// diagnosis or indication heading with text on its own line ends at the next blank line.
    private static func sections(from headings: [Heading], tokens: [Token], textLength: Int) -> [Section] {
        var sections: [Section] = []
        sections.reserveCapacity(headings.count * 2 + 1)  // a heading makes at most two sections
        func offset(_ token: Int) -> Int32 { token < tokens.count ? tokens[token].range.start : Int32(textLength) }
        func add(_ kind: SectionKind, _ heading: TextRange?, _ range: Range<Int>) {
            guard !range.isEmpty || heading != nil else { return }
            sections.append(Section(kind: kind, heading: heading,
                                    range: TextRange(start: range.isEmpty ? offset(range.lowerBound) : tokens[range.lowerBound].range.start,
                                                     end: offset(range.upperBound)),
                                    tokens: range))
        }
        let findingsKind: SectionKind = headings.contains { $0.kind == .procedure } ? .procedure : .imaging
        var resumed = SectionKind.preamble
        add(.preamble, nil, 0..<(headings.first?.tokens.lowerBound ?? tokens.count))
        if headings.isEmpty && tokens.isEmpty {
            sections = [Section(kind: .preamble, heading: nil, range: TextRange(start: 0, end: Int32(textLength)), tokens: 0..<0)]
        }
        for (index, heading) in headings.enumerated() {
            let end = index + 1 < headings.count ? headings[index + 1].tokens.lowerBound : tokens.count
            var kind = heading.kind == .findings ? findingsKind : heading.kind
            // An unknown heading right after a known one ("SOCIAL HISTORY:  TOBACCO: …",
            // "PHYSICAL EXAMINATION:\nHEENT: …") is a sub-heading and keeps its parent's kind.
            if kind == .other, index > 0, resumed != .preamble,
               !tokens[heading.tokens.lowerBound].spacing.startsLine || headings[index - 1].tokens.upperBound == heading.tokens.lowerBound
                || resumed == .examination {
                kind = resumed
            }
            guard kind != .administrative else {
                var lineEnd = heading.tokens.upperBound
                while lineEnd < end, !tokens[lineEnd].spacing.startsLine { lineEnd += 1 }
                add(.administrative, heading.text, heading.tokens.lowerBound..<lineEnd)
                add(resumed, nil, lineEnd..<end)
                continue
            }
            // A label with its text on the same line ("Consent: signed") ends at the next line that
            // is a label of its own ("Sed: none"), a diagnosis or indication label also at a blank
            // line; what follows without a heading is of no known kind. A procedure section keeps
            // its labelled detail lines ("Level: L4-5").
            let hasInlineText = heading.tokens.upperBound < end && !tokens[heading.tokens.upperBound].spacing.startsLine
            var blockEnd = end
            if hasInlineText, kind != .procedure, kind != .postProcedure {
                let endsAtBlankLine = kind == .diagnosis || kind == .indication
                blockEnd = heading.tokens.upperBound
                while blockEnd < end, !(endsAtBlankLine && tokens[blockEnd].spacing.followsBlankLine),
                      !(tokens[blockEnd].spacing.startsLine && Self.isLabelLine(at: blockEnd, tokens: tokens)) {
                    blockEnd += 1
                }
            }
            add(kind, heading.text, heading.tokens.lowerBound..<blockEnd)
            resumed = blockEnd < end ? .other : kind
            if blockEnd < end { add(.other, nil, blockEnd..<end) }
        }
        return sections
    }
}

extension AnalyzedNote {
    /// "Sed: none", "Pos: prone", "Pre VAS:"… a line that starts with one to four words and a colon.
    static func isLabelLine(at start: Int, tokens: [Token]) -> Bool {
        var index = start
        while index < tokens.count, index - start < 5, !(index > start && tokens[index].spacing.startsLine) {
            let token = tokens[index]
            if token.isMark(":") { return index > start }
            guard token.kind == .word || token.isMark("/-&()") else { return false }
            index += 1
        }
        return false
    }
}

/// A detected section heading.
struct Heading {
    var kind: SectionKind
    /// The heading's tokens, the colon included.
    var tokens: Range<Int>
    /// The heading's words, without the colon.
    var text: TextRange
}
