import ClinicalText

/// Reads 0–10 pain scores and when they were taken: "VAS 7/10 before and 2/10 after",
/// "pain 8 -> 3", "Pre-procedure pain score: 6", "reported 0/10 pain at discharge",
/// "rated 5 out of 10". A percentage of relief is never a score.
struct PainScoreGrammar {
    let lexicons: TaggingLexicons

    private struct Score {
        var value: Double
        var tokens: Range<Int>
        var timing: PainScoreMention.Timing?
        var cueStart: Int?
    }

    /// Appends the note's mentions of this kind to `out`.
    func tag(_ note: AnalyzedNote, into out: inout [Mention]) {
        // Every score starts with a digit ("7", "7/10"): the start masks pass over sentences without one.
        for (sentenceIndex, sentence) in note.sentences.enumerated()
        where !sentence.isHeading && note.sentenceMayStart(PhraseStarts.digitLed, sentenceIndex) && Self.mayHoldScore(sentence, note) {
            let cues = lexicons.pain.matches(in: note, range: sentence.tokens)
            var painCues = cues.filter { [.vas, .nrs, .pain].contains($0.payload) }
            // "Pre-procedure pain score: 6" read as a heading and its value: the label's cue counts.
            if painCues.isEmpty, let label = labelCue(before: sentence, note) { painCues = [label] }
            var scores: [Score] = []
            var index = sentence.tokens.lowerBound
            while index < sentence.tokens.upperBound {
                if let score = score(at: index, note, sentence, painCues, previous: scores.last) {
                    scores.append(score, startingRoom: 4)
                    index = score.tokens.upperBound
                } else {
                    index += 1
                }
            }
            guard !scores.isEmpty else { continue }
            assignTiming(&scores, cues: cues, note)
            // "Post-block: Horner syndrome… VAS 4/10": a label at the start of the line times its scores.
            if scores.contains(where: { $0.timing == nil }), let label = lineLabelTiming(before: sentence, note) {
                for i in scores.indices where scores[i].timing == nil { scores[i].timing = label }
            }
            let scale: PainScale? = cues.contains { $0.payload == .vas } ? .vas
                : cues.contains { $0.payload == .nrs } ? .nrs : nil
            for score in scores {
                let first = min(score.cueStart ?? score.tokens.lowerBound, score.tokens.lowerBound)
                let range = first..<score.tokens.upperBound
                out.append(Mention(range: span(range, note), tokens: range,
                                   kind: .painScore(PainScoreMention(value: score.value, scale: scale, timing: score.timing))))
            }
        }
    }

    /// Every score is a number ("7", "7 out of 10") or a word ending in "/10" ("7/10"): a sentence
    /// with neither is passed over without looking for cues.
    private static func mayHoldScore(_ sentence: Sentence, _ note: AnalyzedNote) -> Bool {
        sentence.tokens.contains { index in
            switch note.tokens[index].kind {
            case .number: true
            case .word: endsInZero(index, note)
            case .measurement, .punctuation: false
            }
        }
    }

    /// True when the key of token `index` ends in "0" (``Token/keyLast``).
    private static func endsInZero(_ index: Int, _ note: AnalyzedNote) -> Bool {
        note.tokens[index].keyLast == UInt8(ascii: "0")
    }

    private func score(at index: Int, _ note: AnalyzedNote, _ sentence: Sentence,
                       _ painCues: [(payload: PainRole, tokens: Range<Int>)], previous: Score?) -> Score? {
        let tokens = note.tokens, keys = note.keys
        let kind = tokens[index].kind
        let limit = sentence.tokens.upperBound
        // "7/10", "7.5/10"
        if kind == .word, Self.endsInZero(index, note), keys.key(index, endsWith: "/10"),
           let number = keys.withBytes(index, { Tokenizer.number($0.dropLast(3)) }), !number.isPercent,
           (0...10).contains(number.value) {
            return Score(value: number.value, tokens: index..<index + 1, cueStart: nearestCue(before: index, painCues))
        }
        guard kind == .number, tokens[index].quantity?.unit == nil, let value = tokens[index].quantity?.value,
              (0...10).contains(value) else { return nil }
        // "7 / 10", "7 out of 10"
        if index + 2 < limit, tokens[index + 1].isMark("/"), keys.key(index + 2, is: "10") {
            return Score(value: value, tokens: index..<index + 3, cueStart: nearestCue(before: index, painCues))
        }
        if index + 3 < limit, keys.key(index + 1, is: "out"), keys.key(index + 2, is: "of"), keys.key(index + 3, is: "10") {
            return Score(value: value, tokens: index..<index + 4, cueStart: nearestCue(before: index, painCues))
        }
        // A bare number right after a pain cue ("pain score: 6", "VAS 7", "pain 8 -> 3") or after an arrow.
        if let cue = painCues.last(where: { $0.tokens.upperBound <= index }),
           tokens[cue.tokens.upperBound..<index].allSatisfy({ lexicons.conventions.words.contains(.painGap, $0) }), index - cue.tokens.upperBound <= 4 {
            return Score(value: value, tokens: index..<index + 1, cueStart: cue.tokens.lowerBound)
        }
        if let previous, index - previous.tokens.upperBound <= 3,
           let arrow = lexicons.pain.longestMatch(in: note, at: previous.tokens.upperBound, limit: index),
           arrow.payload == .arrow, arrow.end == index {
            return Score(value: value, tokens: index..<index + 1, cueStart: nil)
        }
        return nil
    }

    /// A pain cue in the label ("Pain score:") that ends right before the sentence on its line.
    private func labelCue(before sentence: Sentence, _ note: AnalyzedNote) -> (payload: PainRole, tokens: Range<Int>)? {
        let first = sentence.tokens.lowerBound
        guard first > 0, note.tokens[first - 1].isMark(":"), note.onSameLine(first - 1, first) else { return nil }
        var start = first - 1
        while start > 0, note.onSameLine(start - 1, start) { start -= 1 }
        let cues = lexicons.pain.matches(in: note, range: start..<(first - 1))
        guard let cue = cues.last(where: { [.vas, .nrs, .pain].contains($0.payload) }) else { return nil }
        return (cue.payload, first..<first)
    }

    /// A timing cue between the start of the sentence's line and the first colon on it.
    private func lineLabelTiming(before sentence: Sentence, _ note: AnalyzedNote) -> PainScoreMention.Timing? {
        var start = sentence.tokens.lowerBound
        while start > 0, note.onSameLine(start - 1, start) { start -= 1 }
        guard start < sentence.tokens.lowerBound,
              let colon = note.tokens[start..<sentence.tokens.lowerBound].firstIndex(where: { $0.isMark(":") }) else { return nil }
        for match in lexicons.pain.matches(in: note, range: start..<colon) {
            if match.payload == .pre { return .pre }
            if match.payload == .post { return .post }
        }
        return nil
    }

    private func nearestCue(before index: Int, _ cues: [(payload: PainRole, tokens: Range<Int>)]) -> Int? {
        cues.last(where: { $0.tokens.upperBound <= index && index - $0.tokens.upperBound <= 8 })?.tokens.lowerBound
    }

    /// Timing words right after a score win; then the nearest one before it (after the previous
    /// score); an arrow between two scores makes them before and after.
    private func assignTiming(_ scores: inout [Score], cues: [(payload: PainRole, tokens: Range<Int>)], _ note: AnalyzedNote) {
        let tokens = note.tokens
        let timings = cues.filter { $0.payload == .pre || $0.payload == .post }
        for i in scores.indices {
            let end = scores[i].tokens.upperBound
            let nextStart = i + 1 < scores.count ? scores[i + 1].tokens.lowerBound : Int.max
            // A timing word right before the score ("pre 7/10 | post 3/10") wins; then one right after it.
            let start = scores[i].tokens.lowerBound
            if let before = timings.last(where: { cue in
                cue.tokens.upperBound <= start && (cue.tokens.upperBound..<start).allSatisfy { tokens[$0].isMark(":") }
            }) {
                scores[i].timing = before.payload == .pre ? .pre : .post
                continue
            }
            if let after = timings.first(where: { $0.tokens.lowerBound >= end && $0.tokens.lowerBound < min(nextStart, end + 4) }) {
                scores[i].timing = after.payload == .pre ? .pre : .post
                continue
            }
            let previousEnd = i > 0 ? scores[i - 1].tokens.upperBound : Int.min
            if let before = timings.last(where: { $0.tokens.upperBound <= scores[i].tokens.lowerBound
                && $0.tokens.lowerBound >= previousEnd && scores[i].tokens.lowerBound - $0.tokens.upperBound <= 10 }) {
                scores[i].timing = before.payload == .pre ? .pre : .post
            }
        }
        // "2/10 at 15 min", "4/10 after 30 minutes": a time after the score means after the procedure.
        for i in scores.indices where scores[i].timing == nil {
            let end = scores[i].tokens.upperBound
            for index in end..<min(end + 3, tokens.count) where lexicons.conventions.words.contains(.painTimeLead, tokens[index]) {
                if index + 1 < tokens.count, let unit = tokens[index + 1].quantity?.unit, unit == .min || unit == .h {
                    scores[i].timing = .post
                }
            }
        }
        for i in scores.indices.dropFirst() {
            let between = scores[i - 1].tokens.upperBound..<scores[i].tokens.lowerBound
            let hasArrow = cues.contains { $0.payload == .arrow && between.contains($0.tokens.lowerBound) }
            if hasArrow {
                if scores[i - 1].timing == nil { scores[i - 1].timing = .pre }
                if scores[i].timing == nil || scores[i].timing == .pre { scores[i].timing = .post }
            }
        }
    }
}
