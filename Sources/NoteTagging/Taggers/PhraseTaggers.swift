import ClinicalText

/// Runs the phrase tables over each sentence and turns matches into mentions. The tables are
/// scanned together, in one pass per sentence (``PhraseStarts``); each table's matches are those of
/// its own scan: longest first, left to right, not overlapping.
struct PhraseTaggers: Sendable {
    let lexicons: TaggingLexicons
    /// By key symbol: which of the tables below have a phrase starting with it.
    let starts: PhraseStarts

    /// The tables, in the order their bits are numbered and their matches are taken at one token.
    private enum Table: Int, CaseIterable {
        case procedures, regions, guidance, contrast, views, diagnoses, electrical, muscles
    }

    init(lexicons: TaggingLexicons) {
        self.lexicons = lexicons
        starts = PhraseStarts(tables: Table.allCases.count, symbols: lexicons.conventions.symbols) { table, symbol in
            switch Table(rawValue: table)! {
            case .procedures: lexicons.procedures.startsPhrase(symbol)
            case .regions: lexicons.regions.startsPhrase(symbol)
            case .guidance: lexicons.guidance.startsPhrase(symbol)
            case .contrast: lexicons.contrast.startsPhrase(symbol)
            case .views: lexicons.views.startsPhrase(symbol)
            case .diagnoses: lexicons.diagnoses.startsPhrase(symbol)
            case .electrical: lexicons.electrical.startsPhrase(symbol)
            case .muscles: lexicons.muscles.startsPhrase(symbol)
            }
        }
    }

    /// Appends the note's phrase mentions to `out`.
    func tag(_ note: AnalyzedNote, into out: inout [Mention]) {
        var resume = [Int](repeating: 0, count: Table.allCases.count)  // by table: where its scan goes on
        for sentence in note.sentences {
            let range = sentence.tokens
            for table in resume.indices { resume[table] = range.lowerBound }
            for index in range {
                let mask = starts.mask(of: note.tokens[index])
                guard mask != 0 else { continue }
                func take<P>(_ table: Table, _ phrases: PhraseTable<P>, _ make: (P, Range<Int>) -> Void) {
                    guard mask & 1 << table.rawValue != 0, resume[table.rawValue] <= index,
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
        if first > range.lowerBound, let found = lexicons.sides.longestMatch(in: note.tokens, at: first - 1, limit: first),
           let value = found.payload {
            side = value
            first -= 1
        } else if first > range.lowerBound + 1, note.keys[first - 1] == "the",
                  let found = lexicons.sides.longestMatch(in: note.tokens, at: first - 2, limit: first - 1), let value = found.payload {
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
