import ClinicalText

/// Runs every phrase table over each sentence and turns matches into mentions.
struct PhraseTaggers {
    let lexicons: TaggingLexicons

    func mentions(in note: AnalyzedNote) -> [Mention] {
        var out: [Mention] = []
        for sentence in note.sentences {
            let range = sentence.tokens
            func add<P>(_ table: PhraseTable<P>, _ make: (P) -> MentionKind?) {
                for match in table.matches(in: note.tokens, range: range) {
                    guard let kind = make(match.payload) else { continue }
                    out.append(Mention(range: span(match.tokens, note), tokens: match.tokens, kind: kind))
                }
            }
            add(lexicons.procedures) { .procedure($0) }
            add(lexicons.regions) { .region($0) }
            add(lexicons.guidance) { .guidance($0) }
            add(lexicons.contrast) { .contrast($0) }
            add(lexicons.views) { $0.views.isEmpty ? nil : .view($0) }
            add(lexicons.diagnoses) { .diagnosis(DiagnosisMention(category: $0.category, icd10: $0.icd10, codeIsWritten: false)) }
        }
        return out
    }
}

func span(_ tokens: Range<Int>, _ note: AnalyzedNote) -> TextRange {
    note.tokens[tokens.lowerBound].range.union(note.tokens[tokens.upperBound - 1].range)
}

extension AnalyzedNote {
    /// The sentence holding token `index`.
    func sentence(ofToken index: Int) -> Sentence { sentences[Int(sentenceOfToken[index])] }

    /// True when no line break stands between the two tokens.
    func onSameLine(_ first: Int, _ second: Int) -> Bool {
        let lower = min(first, second), upper = max(first, second)
        for offset in Int(tokens[lower].range.end)..<Int(tokens[upper].range.start) where text.utf8[offset] == 0x0A {
            return false
        }
        return true
    }
}
