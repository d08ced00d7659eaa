/// Splits each section into sentences that know procedure-note layouts: a heading is its own
/// sentence; a line break ends a sentence unless the line runs on in lower case (wrapped prose);
/// a blank line, a list item or a new line starting in capitals always starts a new one; `.`, `?`,
/// `!` and `;` end a sentence unless the period belongs to an abbreviation ("Dr.", "approx.").
struct SentenceSplitter {
    let tokens: [Token]
    let keys: TokenKeys
    let conventions: TextConventions
    let text: NoteText

    func sentences(sections: [Section], headings: [Heading]) -> [Sentence] {
        // Headings and sections are both in text order: one cursor finds a section's heading.
        var nextHeading = 0
        var out: [Sentence] = []
        out.reserveCapacity(tokens.count / 4 + 8)  // labelled lines make short sentences
        for (sectionIndex, section) in sections.enumerated() {
            var index = section.tokens.lowerBound
            while nextHeading < headings.count, headings[nextHeading].tokens.lowerBound < index { nextHeading += 1 }
            if nextHeading < headings.count, headings[nextHeading].tokens.lowerBound == index {
                let heading = headings[nextHeading].tokens
                out.append(sentence(heading, section: sectionIndex, isHeading: true))
                index = heading.upperBound
            }
            var start = index
            while index < section.tokens.upperBound {
                let next = index + 1
                if next == section.tokens.upperBound || endsSentence(at: index) {
                    if start < next { out.append(sentence(start..<next, section: sectionIndex, isHeading: false)) }
                    start = next
                }
                index = next
            }
        }
        return out
    }

    private func sentence(_ range: Range<Int>, section: Int, isHeading: Bool) -> Sentence {
        Sentence(range: tokens[range.lowerBound].range.union(tokens[range.upperBound - 1].range),
                 tokens: range, section: section, isHeading: isHeading)
    }

    /// True when a sentence ends after token `index` (which is not the last of its section).
    private func endsSentence(at index: Int) -> Bool {
        let token = tokens[index]
        let next = index + 1
        if tokens[next].spacing.startsLine {
            return !runsOn(from: index, to: next)
        }
        guard token.kind == .punctuation, token.isMark(".?!;") else { return false }
        if tokens[next].joinsPrevious { return false }
        if token.isMark("."), index > 0, token.joinsPrevious, conventions.abbreviations.contains(tokens[index - 1]) {
            return false
        }
        return true
    }

    /// Wrapped prose: the line ends inside a sentence and the next line goes on in lower case.
    private func runsOn(from last: Int, to first: Int) -> Bool {
        guard !tokens[first].spacing.followsBlankLine else { return false }
        let lastToken = tokens[last], firstToken = tokens[first]
        guard firstToken.kind == .word else { return false }
        if lastToken.kind == .punctuation && !lastToken.isMark(",") { return false }
        return startsLowercase(firstToken)
    }

    /// The token's text starts with a lower-case ASCII letter.
    private func startsLowercase(_ token: Token) -> Bool {
        let first = text.utf8[Int(token.range.start)]
        return first >= 97 && first <= 122
    }
}
