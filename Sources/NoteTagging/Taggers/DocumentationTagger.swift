import ClinicalText

/// Reads documentation elements: patient identification and signatures (a label that needs a name
/// or identifier after it on the same line), conservative care and its failure, and time
/// statements with their minutes; also every side word, for laterality.
struct DocumentationTagger {
    let lexicons: TaggingLexicons

    static let durationUnits = CaseMap<MeasureUnit, Double>([.wk: 1, .mo: 4.345, .y: 52, .d: 1.0 / 7])

    /// Appends the note's mentions of this kind to `out`.
    func tag(_ note: AnalyzedNote, into out: inout [Mention]) {
        let tokens = note.tokens
        let credentialLines = credentialLines(note)
        let (documentation, sides) = (lexicons.documentation, lexicons.sides)
        for (sentenceIndex, sentence) in note.sentences.enumerated() {
            var signedByPhrase = false  // a signing phrase ("Electronically signed by") in this sentence
            documentation.forEachMatch(in: note, sentence: sentenceIndex) { cue, matched in
                if cue.needsValue, !hasValue(after: matched.upperBound, note) { return }
                var mention = DocumentationMention(element: cue.element, identifies: cue.identifies)
                switch cue.element {
                case .time, .faceToFace, .retention:
                    mention.minutes = minutes(near: matched, in: sentence, tokens)
                case .conservativeCare, .careFailed:
                    mention.weeks = weeks(in: sentence, note)
                case .patientIdentity, .signature, .serviceDate, .provider:
                    mention.value = value(after: matched.upperBound, note)
                }
                if cue.element == .signature { signedByPhrase = true }
                out.append(Mention(range: span(matched, note), tokens: matched, kind: .documentation(mention)))
            }
            if !signedByPhrase, credentialLines.contains(sentence.tokens.lowerBound), let signature = typedSignature(sentence, note) {
                var mention = DocumentationMention(element: .signature)
                mention.value = span(signature, note)
                out.append(Mention(range: span(signature, note), tokens: signature, kind: .documentation(mention)))
            }
            sides.forEachMatch(in: note, sentence: sentenceIndex) { side, matched in
                guard let side else { return }
                out.append(Mention(range: span(matched, note), tokens: matched, kind: .side(side)))
            }
        }
    }

    /// The first token of every line that holds a credential ("MD", "DO", "PA-C"), in order: the
    /// only lines a typed signature can stand on.
    private func credentialLines(_ note: AnalyzedNote) -> [Int] {
        var starts: [Int] = []
        let credentials = lexicons.credentials
        var index = note.nextPhraseStart(credentials.startBit, from: 0, to: note.tokens.count)
        while index < note.tokens.count {
            if credentials.value(in: note, at: index) != nil {
                var start = index
                while start > 0, !note.tokens[start].spacing.startsLine { start -= 1 }
                if starts.last != start { starts.append(start, startingRoom: 8) }
            }
            index = note.nextPhraseStart(credentials.startBit, from: index + 1, to: note.tokens.count)
        }
        return starts
    }

    /// A typed signature line: a provider's name with credentials, alone on its line ("Huang Mei-Lin,
    /// MD", "R. Thibodeaux MD, FIPP") or with a signing word ("Noor Haddad-Ellison, MD (signed)",
    /// "-- signed Ilse Obiora, MD 03/31/2026"). A line about consent is never a signature.
    /// `sentence` starts a line that holds a credential (``credentialLines(_:)``).
    private func typedSignature(_ sentence: Sentence, _ note: AnalyzedNote) -> Range<Int>? {
        let tokens = note.tokens
        let start = sentence.tokens.lowerBound
        var end = start + 1
        while end < tokens.count, !tokens[end].spacing.startsLine { end += 1 }
        let line = start..<end
        func isCapitalized(_ index: Int) -> Bool {
            let first = note.text.utf8[Int(tokens[index].range.start)]
            return tokens[index].kind == .word && first >= 65 && first <= 90
        }
        // A credential right after a capitalized name word (the comma and initials' periods may stand between).
        let named = line.contains { index in
            guard lexicons.credentials[tokens[index].symbol] != nil, index > start else { return false }
            var previous = index - 1
            while previous > start, tokens[previous].isMark(",.") { previous -= 1 }
            return isCapitalized(previous) && lexicons.credentials[tokens[previous].symbol] == nil
        }
        guard named, !line.contains(where: { lexicons.conventions.words.contains(.notASignature, tokens[$0]) }) else { return nil }
        if line.contains(where: { lexicons.conventions.words.contains(.signing, tokens[$0]) }) { return line }
        // Otherwise only names, initials, credentials and punctuation on the line.
        let onlyName = line.allSatisfy { index in
            isCapitalized(index) || lexicons.credentials[tokens[index].symbol] != nil || tokens[index].isMark(",.-'/")
        }
        return onlyName && line.count <= 12 ? line : nil
    }

    /// The value after a label on its line: from the first token after `:`/`#` to the end of the
    /// line, a gap of two or more spaces (the next label of a header line), or a `|`.
    private func value(after index: Int, _ note: AnalyzedNote) -> TextRange? {
        let tokens = note.tokens
        var first = index
        while first < tokens.count, tokens[first].isMark(":#-=,") { first += 1 }
        guard first < tokens.count, first > 0, note.onSameLine(index - 1, first) else { return nil }
        var last = first
        while last + 1 < tokens.count, note.onSameLine(last, last + 1), !tokens[last + 1].isMark("|") {
            let gap = note.text.utf8[Int(tokens[last].range.end)..<Int(tokens[last + 1].range.start)]
            if gap.count >= 2 && gap.allSatisfy({ $0 == 0x20 || $0 == 0x09 }) || gap.contains(0x09) { break }
            last += 1
        }
        return span(first..<last + 1, note)
    }

    /// A name or identifier on the same line: a capitalized word, a number, or a word with a digit.
    private func hasValue(after index: Int, _ note: AnalyzedNote) -> Bool {
        var next = index
        while next < note.tokens.count, note.tokens[next].isMark(":#-=,") { next += 1 }
        guard next < note.tokens.count, next - index <= 2, note.onSameLine(index - 1, next) else { return false }
        let token = note.tokens[next]
        if lexicons.conventions.words.contains(.notAName, token) { return false }
        if token.kind == .number || token.kind == .measurement { return true }
        let hasDigit = note.keys.withBytes(next) { key in
            key.contains { $0 >= 0x30 && $0 <= 0x39 }
                || (!key.allSatisfy { $0 < 0x80 } && String(decoding: key, as: UTF8.self).contains(where: \.isNumber))
        }
        if hasDigit { return true }
        let first = note.text.utf8[Int(token.range.start)]
        return token.kind == .word && first >= 65 && first <= 90
    }

    /// Minutes stated nearest a time cue, before it ("30 minutes of face-to-face time") or after it
    /// ("Total time: 20 min"); a bare number right after the cue counts as minutes.
    private func minutes(near cue: Range<Int>, in sentence: Sentence, _ tokens: [Token]) -> Double? {
        var best: (distance: Int, minutes: Double)?
        let window = max(sentence.tokens.lowerBound, cue.lowerBound - 4)..<min(sentence.tokens.upperBound, cue.upperBound + 6)
        for index in window where !cue.contains(index) {
            guard let quantity = tokens[index].quantity, let unit = quantity.unit, unit == .min || unit == .h else { continue }
            let distance = index < cue.lowerBound ? cue.lowerBound - index : index - cue.upperBound + 1
            let value = unit == .h ? quantity.value * 60 : quantity.value
            if best == nil || distance < best!.distance { best = (distance, value) }
        }
        if let best { return best.minutes }
        for index in cue.upperBound..<window.upperBound where tokens[index].kind == .number {
            return tokens[index].quantity?.value
        }
        return nil
    }

    /// The longest duration stated in the sentence, in weeks ("for 6 weeks", "x 3 months",
    /// "eight weeks of physical therapy").
    private func weeks(in sentence: Sentence, _ note: AnalyzedNote) -> Double? {
        let tokens = note.tokens
        var best: Double?
        for index in sentence.tokens {
            if let quantity = tokens[index].quantity, let unit = quantity.unit, let factor = Self.durationUnits[unit] {
                best = max(best ?? 0, quantity.value * factor)
            } else if let number = lexicons.numberWords.longestMatch(in: note, at: index, limit: sentence.tokens.upperBound),
                      number.end < sentence.tokens.upperBound,
                      let unit = lexicons.conventions.tokenizer.unit(of: tokens[number.end]), let factor = Self.durationUnits[unit] {
                best = max(best ?? 0, number.payload * factor)
            }
        }
        return best
    }
}
