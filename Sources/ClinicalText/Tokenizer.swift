/// The clinical tokenizer: splits a note into ``Token``s that keep clinical units whole.
///
/// "L4-5", "L5-S1", "C7-T1", "L4/5", "s/p", "8/10", "M54.16", "1:1" and "0.5%" are one token each;
/// a number and the unit after it ("10 mg", "10mg", "2.5cc", "10 mg/mL", "20 min") become one
/// measurement token. Units come from data (`Lexicons/text/units.tsv`), passed in as a table.
public struct Tokenizer: Sendable {
    /// Folded unit spelling → canonical unit ("cc" → "mL").
    public let units: [String: MeasureUnit]
    /// The lexicons' keys, the unit spellings among them: each token gets its key's symbol as it is made.
    public let symbols: KeySymbols
    /// The units by the symbol of their spelling: a word's unit is one array read.
    let unitOfSymbol: SymbolMap<MeasureUnit>
    /// The symbol of each one-byte ASCII key, by byte: punctuation needs no hashing.
    private let asciiSymbols: [Int32]

    /// A tokenizer that numbers keys by `symbols`, to which it adds the unit spellings it lacks.
    public init(units: [String: MeasureUnit], symbols: KeySymbols = KeySymbols()) {
        var symbols = symbols
        var unitOfSymbol: [Int32: MeasureUnit] = [:]
        for (spelling, unit) in units { unitOfSymbol[symbols.intern(spelling)] = unit }
        self.units = units
        self.symbols = symbols
        self.unitOfSymbol = SymbolMap(unitOfSymbol, symbols: symbols)
        asciiSymbols = (0..<128).map { byte in
            symbols.symbol(String(UnicodeScalar(KeyFolding.asciiLowercase(UInt8(byte)))))
        }
    }

    /// The unit a token's key spells ("cc" → mL), nil for none.
    public func unit(of token: Token) -> MeasureUnit? { unitOfSymbol[token.symbol] }

    /// Tokens of many short texts in one run, each on a line of its own (none may hold a line
    /// feed): a lexicon table's phrases are tokenized together instead of one run each. No token
    /// spans a line, so each text gets the tokens it gets alone: those of `texts[i]` are
    /// `tokenized.tokens[ranges[i]]`.
    public func tokens(ofLines texts: [String]) -> (tokenized: TokenizedText, ranges: [Range<Int>]) {
        var joined: [UInt8] = [], ends: [Int] = []
        ends.reserveCapacity(texts.count)
        for text in texts {
            assert(!text.utf8.contains(0x0A), "a text tokenized as a line holds a line feed")
            joined += text.utf8
            ends.append(joined.count)
            joined.append(0x0A)
        }
        let tokenized = tokens(of: NoteText(validating: joined)!)  // strings' bytes joined by line feeds: UTF-8
        var ranges: [Range<Int>] = [], token = 0
        ranges.reserveCapacity(texts.count)
        for end in ends {
            let first = token
            while token < tokenized.tokens.count, Int(tokenized.tokens[token].range.start) < end { token += 1 }
            ranges.append(first..<token)
        }
        return (tokenized, ranges)
    }

    /// Tokens of `text`, in order. Never fails: odd text gives odd tokens.
    ///
    /// One pass over the bytes: ASCII is classified by table, other scalars are decoded where
    /// they stand (``TextScanner``).
    public func tokens(of text: NoteText) -> TokenizedText {
        text.utf8.withUnsafeBufferPointer { utf8 in
            ScalarClass.ascii.withUnsafeBufferPointer { ascii in
                ScalarClass.wordBytes.withUnsafeBufferPointer { wordBytes in
                    symbols.withLookup { lookup in
                        tokens(of: text, TextScanner(bytes: utf8, ascii: ascii, wordBytes: wordBytes),
                               KeyMaker(text: text, utf8: utf8, lookup: lookup))
                    }
                }
            }
        }
    }

    private func tokens(of text: NoteText, _ scanner: TextScanner, _ keys: KeyMaker) -> TokenizedText {
        // Offsets are Int32 in tokens (``TextRange``): checked here once, so that each token's are not.
        precondition(scanner.bytes.count <= Int(Int32.max), "a text too long for 32-bit offsets")
        var tokens = AppendBuffer<Token>(capacity: scanner.bytes.count / 5)
        var writer = KeyWriter(bytes: scanner.bytes.count, keys: scanner.bytes.count / 5)
        var offset = 0
        var previousEnd = -1
        var lineFeeds = 0, spaces = 0  // since the last token; spaces since the last line feed
        while offset < scanner.bytes.count {
            // The commonest byte between tokens, counted without classifying it.
            if scanner.bytes[offset] == 0x20 {
                spaces += 1
                offset += 1
                continue
            }
            let scalar = scanner.scalar(at: offset)
            switch scalar.kind {
            case .space, .newline:
                guard scalar.value < 0x80 else { offset += scalar.width; continue }
                // A run of ASCII white space, byte by byte (the bytes ScalarClass calls space or newline).
                runOfSpace: while offset < scanner.bytes.count {
                    switch scanner.bytes[offset] {
                    case 0x20, 0x09: spaces += 1
                    case 0x0A: (lineFeeds, spaces) = (lineFeeds + 1, 0)
                    case 0x0D, 0x0B, 0x0C: break
                    default: break runOfSpace
                    }
                    offset += 1
                }
                continue
            case .letter, .digit:
                let end: Int, made: Int32, key: UnsafeBufferPointer<UInt8>
                let room = writer.room(scanner.bytes.count - offset)
                if let word = asciiWord(scanner, from: offset, key: room) {
                    // Read, lower-cased and hashed in one loop: the key is in place, only its symbol is looked up.
                    end = word.end
                    key = UnsafeBufferPointer(start: room, count: end - offset)
                    made = keys.lookup.find(key, hash: word.hash).symbol
                    writer.commit(key.count)
                } else {
                    end = wordEnd(scanner, from: offset)
                    made = keys.key(TextRange(checkedOffsets: offset, end), into: &writer)
                    key = writer.lastKey
                }
                let spacing = Spacing(lineFeeds: lineFeeds, spaces: spaces, isFirst: tokens.isEmpty)
                (lineFeeds, spaces) = (0, 0)
                makeToken(made, key, offset, end, joins: offset == previousEnd, spacing, keys.lookup, into: &tokens)
                mergeMeasurement(&tokens, &writer, text, keys)
                previousEnd = end
                offset = end
            default:
                if scalar.value < 0x80, !scalar.isArrowPart {
                    // One ASCII mark: its key is itself, its symbol read from a table.
                    let byte = UInt8(scalar.value)
                    let room = writer.room(1)
                    room.pointee = byte
                    writer.commit(1)
                    let spacing = Spacing(lineFeeds: lineFeeds, spaces: spaces, isFirst: tokens.isEmpty)
                    (lineFeeds, spaces) = (0, 0)
                    tokens.append(Token(range: TextRange(checkedOffsets: offset, offset + 1), kind: .punctuation, quantity: nil,
                                        joinsPrevious: offset == previousEnd, symbol: asciiSymbols[Int(byte)],
                                        key: UnsafeBufferPointer(start: room, count: 1), spacing: spacing))
                    previousEnd = offset + 1
                    offset += 1
                    continue
                }
                var end = offset + scalar.width
                if scalar.isArrowPart {
                    while end < scanner.bytes.count {
                        let next = scanner.scalar(at: end)
                        guard next.isArrowPart else { break }
                        end += next.width
                    }
                }
                let range = TextRange(checkedOffsets: offset, end)
                let symbol = keys.key(range, into: &writer)
                let spacing = Spacing(lineFeeds: lineFeeds, spaces: spaces, isFirst: tokens.isEmpty)
                (lineFeeds, spaces) = (0, 0)
                tokens.append(Token(range: range, kind: .punctuation, quantity: nil, joinsPrevious: offset == previousEnd,
                                    symbol: symbol, key: writer.lastKey, spacing: spacing))
                previousEnd = end
                offset = end
            }
        }
        return TokenizedText(tokens: tokens.moveToArray(), keys: TokenKeys(writer))
    }
}
