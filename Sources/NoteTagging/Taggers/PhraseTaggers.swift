import ClinicalText

/// Runs the phrase tables over each sentence and turns matches into mentions. The tables are
/// scanned together, in one pass per sentence: a token's start bits (``AnalyzedNote/phraseStarts``)
/// tell which tables to try there. Each table's matches are those of its own scan: longest first,
/// left to right, not overlapping.
struct PhraseTaggers: Sendable {
    let lexicons: TaggingLexicons
    /// The start bits of all the tables below: a token without any is passed over.
    private let anyTable: UInt32

    /// The tables, in the order their matches are taken at one token.
    private enum Table: Int, CaseIterable {
        case procedures, regions, guidance, contrast, views, diagnoses, electrical, muscles
    }

    init(lexicons: TaggingLexicons) {
        self.lexicons = lexicons
        anyTable = lexicons.procedures.startBit | lexicons.regions.startBit | lexicons.guidance.startBit
            | lexicons.contrast.startBit | lexicons.views.startBit | lexicons.diagnoses.startBit
            | lexicons.electrical.startBit | lexicons.muscles.startBit
    }

    /// Appends the note's phrase mentions to `out`.
    func tag(_ note: AnalyzedNote, into out: inout [Mention]) {
        var resume = InlineArray<8, Int>(repeating: 0)  // by table: where its scan goes on (no heap list a note)
        assert(Table.allCases.count == resume.count, "a table without a resume position")
        let hasMasks = note.phraseStarts.count == note.tokens.count  // without, every table is tried at every token
        for (sentenceIndex, sentence) in note.sentences.enumerated() where note.sentenceMayStart(anyTable, sentenceIndex) {
            let range = sentence.tokens
            for table in resume.indices { resume[table] = range.lowerBound }
            var index = note.nextPhraseStart(anyTable, from: range.lowerBound, to: range.upperBound)
            while index < range.upperBound {
                defer { index = note.nextPhraseStart(anyTable, from: index + 1, to: range.upperBound) }
                let mask = hasMasks ? note.phraseStarts[index] : ~0
                func take<P>(_ table: Table, _ phrases: PhraseTable<P>, _ make: (P, Range<Int>) -> Void) {
                    guard phrases.startBit == 0 || mask & phrases.startBit != 0, resume[table.rawValue] <= index,
                          let match = phrases.longestMatch(in: note.tokens, at: index, limit: range.upperBound) else { return }
                    resume[table.rawValue] = match.end
                    make(match.payload, index..<match.end)
                }
                func add(_ kind: MentionKind?, _ tokens: Range<Int>) {
                    guard let kind else { return }
                    out.append(Mention(range: span(tokens, note), tokens: tokens, kind: kind))
                }
                take(.procedures, lexicons.procedures) { add(.procedure($0), $1) }
                take(.regions, lexicons.regions) { add(.region($0), $1) }
                take(.guidance, lexicons.guidance) { add(.guidance($0), $1) }
                take(.contrast, lexicons.contrast) { add(.contrast($0), $1) }
                take(.views, lexicons.views) { add($0.views.isEmpty ? nil : .view($0), $1) }
                take(.diagnoses, lexicons.diagnoses) {
                    add(.diagnosis(DiagnosisMention(category: $0.category, icd10: nil, codeIsWritten: false)), $1)
                }
                take(.electrical, lexicons.electrical) { add(.electricalGuidance($0), $1) }
                take(.muscles, lexicons.muscles) { out.append(muscle($0, $1, in: range, note)) }
            }
        }
    }

    /// "left upper trapezius", "L levator scapulae", "right and left trapezius": a muscle with the
    /// side named right before it.
    private func muscle(_ cue: MuscleCue, _ tokens: Range<Int>, in range: Range<Int>, _ note: AnalyzedNote) -> Mention {
        var side: Side?
        var first = tokens.lowerBound
        if first > range.lowerBound, let found = lexicons.sides.longestMatch(in: note, at: first - 1, limit: first),
           let value = found.payload {
            side = value
            first -= 1
        } else if first > range.lowerBound + 1, note.keys.key(first - 1, is: "the"),
                  let found = lexicons.sides.longestMatch(in: note, at: first - 2, limit: first - 1), let value = found.payload {
            side = value
            first -= 2
        }
        return Mention(range: span(first..<tokens.upperBound, note), tokens: first..<tokens.upperBound,
                       kind: .muscle(MuscleMention(cue: cue, side: side)))
    }
}

func span(_ tokens: Range<Int>, _ note: AnalyzedNote) -> TextRange {
    note.tokens[tokens.lowerBound].range.union(note.tokens[tokens.upperBound - 1].range)
}

extension AnalyzedNote {
    /// The sentence holding token `index`.
    func sentence(ofToken index: Int) -> Sentence { sentences[Int(sentenceOfToken[index])] }
}
