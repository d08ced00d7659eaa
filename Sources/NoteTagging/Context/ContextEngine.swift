public import ClinicalText

/// ConText (Harkema et al. 2009) over lexicon triggers: within a sentence, a trigger asserts its
/// category (negated, historical, hypothetical, possible, other experiencer) on the mentions in its
/// scope. The scope runs forward, backward or both from the trigger, up to the trigger's window (in
/// words), the sentence boundary, or a `terminate` phrase (a historical scope also at a `current`
/// phrase such as "recent"). Pseudo-triggers
/// ("negative aspiration", "preservative-free", "prior to") hide the triggers inside them. Section
/// kinds add defaults: past history is historical, plans and consent are hypothetical, family
/// history is about someone else.
public struct ContextEngine: Sendable {
    let triggers: PhraseTable<ContextTrigger>
    /// Folded month names, for "in April 2007".
    let months: KeySet
    /// The words that date a year ("in", "during") and may stand between them and the year.
    let words: GrammarWords

    public init(triggers: PhraseTable<ContextTrigger>, months: KeySet, words: GrammarWords) {
        (self.triggers, self.months, self.words) = (triggers, months, words)
    }

    /// A trigger found in a sentence.
    public struct Match: Sendable {
        public var trigger: ContextTrigger
        public var tokens: Range<Int>
    }

    /// Every trigger in the sentence, left to right, pseudo-triggers included.
    public func matches(in note: AnalyzedNote, sentence: Sentence) -> [Match] {
        var out: [Match] = []
        collectMatches(in: note, sentence: sentence, into: &out)
        return out
    }

    /// ``matches(in:sentence:)`` appended to `out` (a buffer the caller reuses from sentence to sentence).
    func collectMatches(in note: AnalyzedNote, sentence: Sentence, into out: inout [Match]) {
        // Only a trigger's first word or a number (digit-led) can start a match: the start masks pass over the rest.
        let starts = triggers.startBit | PhraseStarts.digitLed
        var index = sentence.tokens.lowerBound
        while true {
            index = note.nextPhraseStart(starts, from: index, to: sentence.tokens.upperBound)
            guard index < sentence.tokens.upperBound else { break }
            if let match = triggers.longestMatch(in: note, at: index, limit: sentence.tokens.upperBound) {
                out.append(Match(trigger: match.payload, tokens: index..<match.end))
                index = match.end
                continue
            }
            if note.tokens[index].kind == .number {  // a year or a list marker
                if let year = yearTrigger(note, index, sentence) {
                    out.append(year)
                } else if let item = listMarker(note, index, sentence) {
                    out.append(item)
                }
            }
            index += 1
        }
    }

    /// "in 2023", "in April 2007", "in **DATE[Apr 2007]": a year introduced by "in" or "during"
    /// (a month name or date brackets may stand between) dates what is near it as past. "Since
    /// 2019" and "from … through …" do not: they run to the present.
    private func yearTrigger(_ note: AnalyzedNote, _ index: Int, _ sentence: Sentence) -> Match? {
        let tokens = note.tokens
        guard tokens[index].kind == .number, let value = tokens[index].quantity?.value, value >= 1900, value <= 2100,
              value == value.rounded() else { return nil }
        var start = index - 1
        while start > sentence.tokens.lowerBound, index - start <= 6,
              months.contains(tokens[start]) || words.contains(.dateFiller, tokens[start])
                || (tokens[start].kind == .number && (tokens[start].quantity?.value ?? 99) <= 31) {
            start -= 1
        }
        guard start >= sentence.tokens.lowerBound, words.contains(.yearLead, tokens[start]) else { return nil }
        return Match(trigger: ContextTrigger(categories: [.historical], direction: .both, window: 10),
                     tokens: start..<(index + 1))
    }

    /// "1) esophagitis s/p biopsy 2) hiatal hernia": an inline list marker ends every scope.
    private func listMarker(_ note: AnalyzedNote, _ index: Int, _ sentence: Sentence) -> Match? {
        let tokens = note.tokens
        guard index > sentence.tokens.lowerBound, index + 1 < sentence.tokens.upperBound, tokens[index].kind == .number,
              let value = tokens[index].quantity?.value, value >= 1, value <= 30, value == value.rounded(),
              tokens[index + 1].isMark(")"), tokens[index + 1].joinsPrevious else { return nil }
        return Match(trigger: ContextTrigger(categories: [.terminate], direction: .both, window: nil),
                     tokens: index..<(index + 2))
    }

    /// The assertion for a mention covering `tokens` of `sentence`, given the sentence's matches.
    public func assertion(for tokens: Range<Int>, in note: AnalyzedNote, sentence: Sentence,
                          matches: [Match]) -> Assertion {
        var ignored = IgnoredCues()
        return assertion(for: tokens, in: note, sentence: sentence, matches: matches, cues: &ignored)
    }

    /// The trigger phrases and the section heading that set a mention's assertion, in the order
    /// they apply: the developer's view (`code --dump`) shows them; coding needs only the flags.
    public func cues(of mention: Mention, in note: AnalyzedNote) -> [TextRange] {
        let sentence = note.sentences[mention.sentence]
        var cues: [TextRange] = []
        var assertion = assertion(for: mention.tokens, in: note, sentence: sentence,
                                  matches: matches(in: note, sentence: sentence), cues: &cues)
        if let cue = Self.applySectionDefault(note.sections[sentence.section], to: &assertion) { cues.append(cue) }
        return cues
    }

    /// ``assertion(for:in:sentence:matches:)``, each trigger that asserts something recorded in `cues`.
    func assertion<Cues: CueRecorder>(for tokens: Range<Int>, in note: AnalyzedNote, sentence: Sentence,
                                      matches: [Match], cues: inout Cues) -> Assertion {
        var assertion = Assertion()
        for (index, match) in matches.enumerated() {
            guard !match.trigger.isInert else { continue }
            // A mention inside its trigger ("no fluoroscopy" as a guidance phrase) is not in its scope;
            // a trigger that runs into the mention ("no acute" before "acute distress") is; a habit
            // asserts itself ("DRUG USE").
            if match.tokens.lowerBound >= tokens.lowerBound && match.tokens.overlaps(tokens) {
                if match.trigger.categories.contains(.habit), assertion.apply([.habit]) { cues.record(span(match.tokens, note)) }
                continue
            }
            if match.tokens.lowerBound <= tokens.lowerBound, match.tokens.upperBound >= tokens.upperBound { continue }
            if match.trigger.direction != .backward, tokens.upperBound > match.tokens.upperBound,
               match.tokens.lowerBound < tokens.lowerBound {
                let end = forwardEnd(of: index, matches, sentence, note)
                if max(tokens.lowerBound, match.tokens.upperBound) < end, assertion.apply(match.trigger.categories) {
                    cues.record(span(match.tokens, note))
                }
            }
            if match.trigger.direction != .forward, tokens.upperBound <= match.tokens.lowerBound {
                let start = backwardStart(of: index, matches, sentence, note)
                if tokens.upperBound > start, assertion.apply(match.trigger.categories) { cues.record(span(match.tokens, note)) }
            }
        }
        return assertion
    }

    private func forwardEnd(of index: Int, _ matches: [Match], _ sentence: Sentence, _ note: AnalyzedNote) -> Int {
        let match = matches[index]
        var end = sentence.tokens.upperBound
        if let window = match.trigger.window {
            var words = 0
            var position = match.tokens.upperBound
            while position < end, words < window {
                if note.tokens[position].kind != .punctuation { words += 1 }
                position += 1
            }
            end = position
        }
        for later in matches[(index + 1)...] where later.tokens.lowerBound < end {
            if ends(match, at: later) { end = later.tokens.lowerBound; break }
        }
        return end
    }

    private func backwardStart(of index: Int, _ matches: [Match], _ sentence: Sentence, _ note: AnalyzedNote) -> Int {
        let match = matches[index]
        var start = sentence.tokens.lowerBound
        if let window = match.trigger.window {
            var words = 0
            var position = match.tokens.lowerBound
            while position > start, words < window {
                position -= 1
                if note.tokens[position].kind != .punctuation { words += 1 }
            }
            start = position
        }
        for earlier in matches[..<index].reversed() where earlier.tokens.upperBound > start {
            if ends(match, at: earlier) { start = earlier.tokens.upperBound; break }
        }
        return start
    }

    /// A scope ends at a terminate phrase; a historical scope also at a `current` phrase ("recent").
    private func ends(_ match: Match, at other: Match) -> Bool {
        other.trigger.categories.contains(.terminate)
            || (other.trigger.categories.contains(.current)
                && (match.trigger.categories.contains(.historical) || match.trigger.categories.contains(.habit)))
    }

    private func span(_ tokens: Range<Int>, _ note: AnalyzedNote) -> TextRange {
        note.tokens[tokens.lowerBound].range.union(note.tokens[tokens.upperBound - 1].range)
    }

    /// Sets ``Mention/assertion``, ``Mention/section`` and ``Mention/sentence`` on every mention.
    public func annotate(_ mentions: inout [Mention], in note: AnalyzedNote) {
        // The mentions by sentence (a counting sort), so that each sentence's triggers are found once.
        let sentenceOf = mentions.map { Int(note.sentenceOfToken[$0.tokens.lowerBound]) }
        var firstOfSentence = [Int](filling: 0, count: note.sentences.count + 1)
        for sentence in sentenceOf { firstOfSentence[sentence + 1] += 1 }
        for sentence in 0..<note.sentences.count { firstOfSentence[sentence + 1] += firstOfSentence[sentence] }
        var bySentence = [Int](filling: 0, count: mentions.count)
        var next = firstOfSentence
        for (index, sentence) in sentenceOf.enumerated() {
            bySentence[next[sentence]] = index
            next[sentence] += 1
        }
        var matches: [Match] = []
        matches.reserveCapacity(16)
        for sentenceIndex in note.sentences.indices where firstOfSentence[sentenceIndex] < firstOfSentence[sentenceIndex + 1] {
            let sentence = note.sentences[sentenceIndex]
            matches.removeAll(keepingCapacity: true)
            collectMatches(in: note, sentence: sentence, into: &matches)
            let section = note.sections[sentence.section]
            for index in bySentence[firstOfSentence[sentenceIndex]..<firstOfSentence[sentenceIndex + 1]] {
                var assertion = assertion(for: mentions[index].tokens, in: note, sentence: sentence, matches: matches)
                Self.applySectionDefault(section, to: &assertion)
                mentions[index].assertion = assertion
                mentions[index].section = section.kind
                mentions[index].sentence = sentenceIndex
            }
        }
    }

    /// Past history is historical, plan and consent hypothetical, family history someone else's.
    /// Returns the cue (the section's heading, else its text) when the section asserts something.
    @discardableResult
    public static func applySectionDefault(_ section: Section, to assertion: inout Assertion) -> TextRange? {
        let categories: TriggerCategories
        switch section.kind {
        case .pastHistory, .allergies: categories = [.historical]
        case .plan, .consent: categories = [.hypothetical]
        case .familyHistory: categories = [.otherExperiencer, .historical]
        default: return nil
        }
        return assertion.apply(categories) ? section.heading ?? section.range : nil
    }
}
