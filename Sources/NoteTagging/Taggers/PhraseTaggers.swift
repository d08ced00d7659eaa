import ClinicalText

/// Runs every phrase table over each sentence and turns matches into mentions.
struct PhraseTaggers {
    let lexicons: TaggingLexicons

    /// Appends the note's mentions of this kind to `out`.
    func tag(_ note: AnalyzedNote, into out: inout [Mention]) {
        for sentence in note.sentences {
            let range = sentence.tokens
            func add<P>(_ table: PhraseTable<P>, _ make: (P) -> MentionKind?) {
                table.forEachMatch(in: note.tokens, range: range) { payload, tokens in
                    guard let kind = make(payload) else { return }
                    out.append(Mention(range: span(tokens, note), tokens: tokens, kind: kind))
                }
            }
            add(lexicons.procedures) { .procedure($0) }
            add(lexicons.regions) { .region($0) }
            add(lexicons.guidance) { .guidance($0) }
            add(lexicons.contrast) { .contrast($0) }
            add(lexicons.views) { $0.views.isEmpty ? nil : .view($0) }
            add(lexicons.diagnoses) { .diagnosis(DiagnosisMention(category: $0.category, icd10: nil, codeIsWritten: false)) }
            add(lexicons.electrical) { .electricalGuidance($0) }
            for match in lexicons.muscles.matches(in: note.tokens, range: range) {
                // "left upper trapezius", "L levator scapulae", "right and left trapezius"
                var side: Side?
                var first = match.tokens.lowerBound
                if first > range.lowerBound, let found = lexicons.sides.longestMatch(in: note.tokens, at: first - 1, limit: first),
                   let value = found.payload {
                    side = value
                    first -= 1
                } else if first > range.lowerBound + 1, note.keys[first - 1] == "the",
                          let found = lexicons.sides.longestMatch(in: note.tokens, at: first - 2, limit: first - 1), let value = found.payload {
                    side = value
                    first -= 2
                }
                out.append(Mention(range: span(first..<match.tokens.upperBound, note), tokens: first..<match.tokens.upperBound,
                                   kind: .muscle(MuscleMention(cue: match.payload, side: side))))
            }
        }
    }
}

func span(_ tokens: Range<Int>, _ note: AnalyzedNote) -> TextRange {
    note.tokens[tokens.lowerBound].range.union(note.tokens[tokens.upperBound - 1].range)
}

extension AnalyzedNote {
    /// The sentence holding token `index`.
    func sentence(ofToken index: Int) -> Sentence { sentences[Int(sentenceOfToken[index])] }
}
