/// Finds section headings: a known heading phrase or an ALL-CAPS phrase at the start of a line,
/// followed by a colon (or, for known phrases, by the end of the line). In flattened text, where
/// two or more spaces stand in for a line break, a colon-terminated heading may also start there.
/// Headings never match inside a line ("Date of Service:" holds no "Service:" heading).
struct HeadingFinder {
    let tokens: [Token]
    let keys: TokenKeys
    let text: NoteText
    let conventions: TextConventions

    static let maxCapsWords = 8

    func headings() -> [Heading] {
        var found: [Heading] = []
        found.reserveCapacity(16)  // a note's usual headings, in one allocation
        var index = 0
        while index < tokens.count {
            let atLineStart = tokens[index].spacing.startsLine
            guard atLineStart || tokens[index].spacing.followsWideGap, tokens[index].kind == .word,
                  let heading = heading(at: index, atLineStart: atLineStart) else {
                index += 1
                continue
            }
            found.append(heading)
            index = heading.tokens.upperBound
        }
        return found
    }

    private func heading(at start: Int, atLineStart: Bool) -> Heading? {
        // Extend over heading-like tokens up to a colon or the end of the line; most lines stop
        // being candidates here, before any word is copied.
        var end = start
        var wordCount = 0
        while end < tokens.count, end - start < Self.maxCapsWords * 2 {
            if end > start, tokens[end].spacing.startsLine { break }
            let token = tokens[end]
            if token.isMark(":") { break }
            if token.kind == .word {
                wordCount += 1
            } else if !token.isMark("/&(),-'") {
                return nil
            }
            end += 1
            if wordCount > Self.maxCapsWords { return nil }
        }
        guard wordCount > 0 else { return nil }
        let hasColon = end < tokens.count && tokens[end].isMark(":") && !tokens[end].spacing.startsLine
        let endsLine = end >= tokens.count || tokens[end].spacing.startsLine
        // Only a phrase ending in a colon, or alone on its line, can be a heading.
        guard hasColon || (endsLine && atLineStart) else { return nil }
        // The words' key symbols, in a small stack buffer: most candidates end at the first lookup.
        return withUnsafeTemporaryAllocation(of: Int32.self, capacity: wordCount) { buffer in
            var allCaps = true
            var titleCase = true
            var count = 0
            for index in start..<end where tokens[index].kind == .word {
                let (caps, title) = casing(tokens[index].range)
                allCaps = allCaps && caps
                titleCase = titleCase && (title || conventions.words.contains(.headingMinor, tokens[index]))
                buffer[count] = tokens[index].symbol
                count += 1
            }
            let words = UnsafeBufferPointer(rebasing: buffer[..<count])
            let wordsRange = TextRange(start: tokens[start].range.start, end: tokens[end - 1].range.end)
            let through = hasColon ? end + 1 : end

            if let kind = conventions.headings.payload(exactly: words) {
                return Heading(kind: kind, tokens: start..<through, text: wordsRange)
            }
            guard hasColon else { return nil }
            if let (kind, position) = containedKind(words) {
                // "PROCEDURE PERFORMED:", "Procedure Note:", "Procedure performed today:"
                guard allCaps || titleCase || position == 0 else { return nil }
                return Heading(kind: kind, tokens: start..<through, text: wordsRange)
            }
            // An unknown ALL-CAPS heading still starts a section, of kind `other`.
            guard allCaps, phrase(start..<end).count >= 3 else { return nil }
            return Heading(kind: .other, tokens: start..<through, text: wordsRange)
        }
    }

    /// The words' keys joined by one space, as heading phrases are written.
    private func phrase(_ range: Range<Int>) -> String {
        range.filter { tokens[$0].kind == .word }.map { keys[$0] }.joined(separator: " ")
    }

    /// The kind of the longest known heading phrase inside the words (leftmost on ties), by the
    /// words' key symbols.
    private func containedKind(_ words: UnsafeBufferPointer<Int32>) -> (SectionKind, Int)? {
        let longest = min(conventions.longestHeading, words.count)
        guard longest > 0 else { return nil }
        for length in stride(from: longest, through: 1, by: -1) {
            for first in 0...(words.count - length) {
                // A label ("Patient:", "Name:") names a section only on its own: "PATIENT PROFILE" is no label.
                if let kind = conventions.headings.payload(exactly: UnsafeBufferPointer(rebasing: words[first..<first + length])),
                   kind != .administrative || length == words.count {
                    return (kind, first)
                }
            }
        }
        return nil
    }

    /// (no lower-case letters, starts with a capital or digit) for the token's original text.
    private func casing(_ range: TextRange) -> (allCaps: Bool, title: Bool) {
        let bytes = text.utf8[Int(range.start)..<Int(range.end)]
        let hasLetter = bytes.contains { ($0 >= 65 && $0 <= 90) || ($0 >= 97 && $0 <= 122) }
        let hasLower = bytes.contains { $0 >= 97 && $0 <= 122 }
        let first = bytes.first ?? 0
        return (!hasLower && hasLetter || !hasLetter, (first >= 65 && first <= 90) || !hasLetter)
    }
}
