import ClinicalText

/// Reads spinal levels: single ("L5", "S1"), interspaces ("L4-5", "L4-L5", "L4/5", "L5-S1",
/// "C7-T1", "L45", "L5S1"), ranges ("L3-S1", "L3 to S1", "L4 through S1"), and lists of them
/// ("L4-L5, L5-S1", "L4-5 and L5-S1"). Each list becomes one mention, with what the words next to
/// it say it names ("L5 and S1 nerve roots", "L3, L4 medial branches") and the side right before
/// or after it ("left L4-5", "L5-S1 bilaterally").
struct SpinalLevelGrammar {
    let lexicons: TaggingLexicons
    /// The grammar-word lists, held here: read at nearly every token.
    let words: GrammarWords

    init(lexicons: TaggingLexicons) {
        (self.lexicons, words) = (lexicons, lexicons.conventions.words)
    }

    /// Appends the note's mentions of this kind to `out`.
    func tag(_ note: AnalyzedNote, into out: inout [Mention]) {
        // A level starts with a letter and a digit ("l4", "c5-6"), a rib list with an ordinal: the
        // start masks pass over every other token, and over sentences with neither.
        let starts = lexicons.ordinals.startBit | PhraseStarts.letterDigit
        for (sentenceIndex, sentence) in note.sentences.enumerated() where note.sentenceMayStart(starts, sentenceIndex) {
            var index = sentence.tokens.lowerBound
            while true {
                index = note.nextPhraseStart(starts, from: index, to: sentence.tokens.upperBound)
                guard index < sentence.tokens.upperBound else { break }
                let startsOrdinal = lexicons.ordinals.value(in: note, at: index) != nil
                guard startsOrdinal || Self.startsLikeLevel(note.tokens[index]) else {
                    index += 1
                    continue
                }
                if startsOrdinal, let ribs = ribLevels(note, from: index, limit: sentence.tokens.upperBound) {
                    var mention = Mention(range: span(index..<ribs.end, note), tokens: index..<ribs.end, kind: .level(ribs.level))
                    if let side = sideBefore(note, index, sentence) {
                        mention = Mention(range: span(side.start..<ribs.end, note), tokens: side.start..<ribs.end,
                                          kind: .level(LevelMention(items: ribs.level.items, reading: .rib, side: side.side)))
                    }
                    out.append(mention)
                    index = ribs.end
                    continue
                }
                guard let (items, end) = list(note, from: index, limit: sentence.tokens.upperBound) else {
                    index += 1
                    continue
                }
                var level = LevelMention(items: items, reading: nil, side: nil)
                var first = index, last = end
                if let head = lexicons.levelHeads.longestMatch(in: note, at: end, limit: sentence.tokens.upperBound) {
                    level.reading = head.payload
                    last = head.end
                } else if let head = headBefore(note, index, sentence) {
                    level.reading = head.reading
                    first = head.start
                }
                if let side = sideBefore(note, first, sentence) {
                    level.side = side.side
                    first = side.start
                } else if let side = sideAfter(note, last, sentence) {
                    level.side = side.side
                    last = side.end
                }
                out.append(Mention(range: span(index..<end, note), tokens: index..<end, kind: .level(level)))
                // Keep the reading and side words as part of the evidence through the token range.
                out[out.count - 1].range = span(first..<last, note)
                out[out.count - 1].tokens = first..<last
                index = end
            }
        }
    }

    /// "fourth to tenth intercostal spaces", "5th and 6th ribs": ordinals before a rib word name
    /// thoracic segments.
    private func ribLevels(_ note: AnalyzedNote, from start: Int, limit: Int) -> (level: LevelMention, end: Int)? {
        let tokens = note.tokens
        guard let first = lexicons.ordinals[tokens[start].symbol] else { return nil }
        var numbers = [first]
        var ranges: [(Int, Int)] = []
        var index = start + 1
        while index + 1 < limit {
            let word = tokens[index]
            guard words.contains(.levelRange, word) || words.contains(.levelList, word),
                  let next = lexicons.ordinals[tokens[index + 1].symbol] else { break }
            if words.contains(.levelRange, word), let last = numbers.popLast() { ranges.append((last, next)) } else { numbers.append(next) }
            index += 2
        }
        guard index < limit, let head = lexicons.levelHeads.longestMatch(in: note, at: index, limit: limit),
              head.payload == .rib else { return nil }
        var items = InlineList<12, LevelMention.Item>()  // twelve ribs at most
        for vertebra in numbers.compactMap({ Vertebra(region: .t, number: $0) }) where !items.isFull { items.append(.vertebra(vertebra)) }
        for (low, high) in ranges where !items.isFull {
            if let upper = Vertebra(region: .t, number: low), let lower = Vertebra(region: .t, number: high), upper < lower {
                items.append(.span(upper, lower))
            }
        }
        guard !items.isEmpty else { return nil }
        return (LevelMention(items: items, reading: .rib, side: nil), head.end)
    }

    /// A list of level items starting at `start`, and the index after it. A list longer than a
    /// mention holds (``LevelMention/items``) ends there; the next expression takes the rest.
    private func list(_ note: AnalyzedNote, from start: Int, limit: Int) -> (InlineList<12, LevelMention.Item>, Int)? {
        let tokens = note.tokens
        guard let first = item(note, at: start, limit: limit) else { return nil }
        var items = InlineList<12, LevelMention.Item>()
        items.append(first.item)
        var end = first.end
        while end < limit, !items.isFull {
            var next = end
            while next < limit, words.contains(.levelList, tokens[next]), next - end < 3 { next += 1 }
            guard let more = item(note, at: next, limit: limit) else { break }
            items.append(more.item)
            end = more.end
        }
        return (items, end)
    }

    /// One item: a level token, possibly followed by a range word and a second level or number.
    private func item(_ note: AnalyzedNote, at index: Int, limit: Int) -> (item: LevelMention.Item, end: Int)? {
        guard index < limit, Self.startsLikeLevel(note.tokens[index]), let parsed = note.keys.withBytes(index, Self.parse(utf8:)) else { return nil }
        let tokens = note.tokens, keys = note.keys
        if case .vertebra(let upper) = parsed, index + 2 < limit,
           words.contains(.levelRange, tokens[index + 1]) {
            let next = tokens[index + 2]
            if case .vertebra(let lower)? = keys.withBytes(index + 2, Self.parse(utf8:)), lower > upper {
                return (.span(upper, lower), index + 3)
            }
            if next.kind == .number, let value = next.quantity?.value, value == value.rounded(),
               let lower = Vertebra(region: upper.region, number: Int(value)), lower > upper {
                return (.span(upper, lower), index + 3)
            }
        }
        return (parsed, index + 1)
    }

    /// A head phrase right before the list ("medial branches at L3 and L4"), skipping filler words.
    private func headBefore(_ note: AnalyzedNote, _ start: Int, _ sentence: Sentence) -> (reading: LevelReading, start: Int)? {
        let tokens = note.tokens
        var boundary = start
        while boundary > sentence.tokens.lowerBound, words.contains(.levelFiller, tokens[boundary - 1])
                || lexicons.sides.longestMatch(in: note, at: boundary - 1, limit: boundary) != nil {
            boundary -= 1
            if start - boundary > 4 { return nil }
        }
        for first in stride(from: boundary - 1, through: max(sentence.tokens.lowerBound, boundary - 4), by: -1) {
            if let head = lexicons.levelHeads.longestMatch(in: note, at: first, limit: boundary), head.end == boundary,
               [.root, .medialBranch, .dorsalRamus].contains(head.payload) {
                return (head.payload, first)
            }
        }
        return nil
    }

    /// "left L4-5", "right-sided L5", "the left L5 nerve root".
    private func sideBefore(_ note: AnalyzedNote, _ start: Int, _ sentence: Sentence) -> (side: Side, start: Int)? {
        let tokens = note.tokens
        var boundary = start
        if boundary > sentence.tokens.lowerBound, words.contains(.levelSideLead, tokens[boundary - 1]) {
            boundary -= 1
        }
        for first in stride(from: boundary - 1, through: max(sentence.tokens.lowerBound, boundary - 3), by: -1) {
            if let side = lexicons.sides.longestMatch(in: note, at: first, limit: boundary), side.end == boundary,
               let value = side.payload {
                return (value, first)
            }
        }
        return nil
    }

    /// "L4-5 bilaterally", "L5-S1 on the left".
    private func sideAfter(_ note: AnalyzedNote, _ end: Int, _ sentence: Sentence) -> (side: Side, end: Int)? {
        let keys = note.keys
        let limit = sentence.tokens.upperBound
        if end < limit, let side = lexicons.sides.longestMatch(in: note, at: end, limit: limit), side.payload == .bilateral {
            return (.bilateral, side.end)
        }
        var index = end
        guard index < limit, keys.key(index, is: "on") else { return nil }
        index += 1
        if index < limit, keys.key(index, is: "the") { index += 1 }
        if index < limit, let side = lexicons.sides.longestMatch(in: note, at: index, limit: limit), let value = side.payload {
            return (value, side.end)
        }
        return nil
    }

    /// Every level starts with a region letter and a digit ("l4", "c5-6", "t12-l1"): most tokens
    /// stop here, read from the key bytes the token keeps (``Token/keyFirst``).
    static func startsLikeLevel(_ token: Token) -> Bool { startsLikeLevel(token.keyFirst, token.keySecond) }

    static func startsLikeLevel(_ key: UnsafeBufferPointer<UInt8>) -> Bool {
        key.count >= 2 && startsLikeLevel(key[0], key[1])
    }

    private static func startsLikeLevel(_ first: UInt8, _ second: UInt8) -> Bool {
        region(first) != nil && second >= 0x30 && second <= 0x39
    }

    /// The region a key's letter names ("c", "t", "l", "s"), nil for any other byte.
    private static func region(_ byte: UInt8) -> Vertebra.Region? {
        switch byte {
        case UInt8(ascii: "c"): .c
        case UInt8(ascii: "t"): .t
        case UInt8(ascii: "l"): .l
        case UInt8(ascii: "s"): .s
        default: nil
        }
    }

    /// Parses one token key ("l4-5", "l5-s1", "l45", "c7", "t12-l1", "l3-l4-l5") into a level item
    /// (the tagger reads keys as bytes, ``parse(utf8:)``; this spelling is for tests and tools).
    static func parse(_ key: String) -> LevelMention.Item? {
        var key = key
        return key.withUTF8(parse(utf8:))
    }

    /// ``parse(_:)`` on the key's bytes: parts of a region letter (or the region of the part
    /// before) and digits, split by "-" or "/" or by a new region letter ("l5s1"); anything else,
    /// non-ASCII included, is no level.
    static func parse(utf8 key: UnsafeBufferPointer<UInt8>) -> LevelMention.Item? {
        guard startsLikeLevel(key) else { return nil }
        struct Part { var region: Vertebra.Region?; var number = 0; var digits = 0 }
        // Parts are read into vertebrae as they close, with no list kept: the vertebrae read so
        // far are their count, the first, the last, and whether each was above the next.
        var part = Part()
        var partIndex = 0
        var regionInForce: Vertebra.Region?  // the last region a part named
        var count = 0, first: Vertebra?, last: Vertebra?, ascending = true
        func add(_ vertebra: Vertebra) {
            if let last { ascending = ascending && last < vertebra } else { first = vertebra }
            last = vertebra
            count += 1
        }
        /// Reads a part into vertebrae; false when it names none.
        func close(_ part: Part) -> Bool {
            defer { partIndex += 1 }
            guard let current = part.region ?? regionInForce else { return false }
            regionInForce = current
            if let vertebra = Vertebra(region: current, number: part.number) {
                add(vertebra)
            } else if part.digits == 2, partIndex == 0,
                      let upper = Vertebra(region: current, number: part.number / 10),
                      let lower = Vertebra(region: current, number: part.number % 10), lower == upper.below {
                add(upper)  // "l45" → L4, L5
                add(lower)
            } else {
                return false
            }
            return true
        }
        var expectsRegionOrDigit = true
        for byte in key {
            if let region = region(byte) {
                if part.digits > 0 {  // "l5s1": a new part starts without a separator
                    guard close(part) else { return nil }
                    part = Part()
                } else if !expectsRegionOrDigit || part.region != nil { return nil }
                part.region = region
                expectsRegionOrDigit = false
                continue
            }
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"):
                guard part.region != nil || partIndex > 0 else { return nil }
                let (times10, overflow) = part.number.multipliedReportingOverflow(by: 10)
                let (sum, overflowAdding) = times10.addingReportingOverflow(Int(byte - UInt8(ascii: "0")))
                guard !overflow, !overflowAdding else { return nil }
                (part.number, part.digits) = (sum, part.digits + 1)
                expectsRegionOrDigit = false
            case UInt8(ascii: "-"), UInt8(ascii: "/"):
                guard part.digits > 0, close(part) else { return nil }
                part = Part()
                expectsRegionOrDigit = true
            default:
                return nil
            }
        }
        guard part.digits > 0, close(part), let first, let last else { return nil }
        if count == 1 { return .vertebra(first) }
        guard first < last, ascending else { return nil }
        return .span(first, last)
    }
}
