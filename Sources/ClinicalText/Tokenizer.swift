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

    /// A tokenizer that numbers keys by `symbols`, to which it adds the unit spellings it lacks.
    public init(units: [String: MeasureUnit], symbols: KeySymbols = KeySymbols()) {
        var symbols = symbols
        var unitOfSymbol: [Int32: MeasureUnit] = [:]
        for (spelling, unit) in units { unitOfSymbol[symbols.intern(spelling)] = unit }
        self.units = units
        self.symbols = symbols
        self.unitOfSymbol = SymbolMap(unitOfSymbol, symbols: symbols)
    }

    /// The unit a token's key spells ("cc" → mL), nil for none.
    public func unit(of token: Token) -> MeasureUnit? { unitOfSymbol[token.symbol] }

    /// Tokens of `text`, in order. Never fails: odd text gives odd tokens.
    ///
    /// One pass over the bytes: ASCII is classified by table, other scalars are decoded where
    /// they stand (``TextScanner``).
    public func tokens(of text: NoteText) -> TokenizedText {
        text.utf8.withUnsafeBufferPointer { utf8 in
            ScalarClass.ascii.withUnsafeBufferPointer { ascii in
                symbols.withLookup { lookup in
                    tokens(of: text, TextScanner(bytes: utf8, ascii: ascii), KeyMaker(text: text, utf8: utf8, lookup: lookup))
                }
            }
        }
    }

    private func tokens(of text: NoteText, _ scanner: TextScanner, _ keys: KeyMaker) -> TokenizedText {
        var out = TokenizedText()
        out.tokens.reserveCapacity(scanner.bytes.count / 5)
        out.keys.reserveCapacity(keys: scanner.bytes.count / 5, bytes: scanner.bytes.count)
        var offset = 0
        var previousEnd = -1
        var lineFeeds = 0, spaces = 0  // since the last token; spaces since the last line feed
        while offset < scanner.bytes.count {
            let scalar = scanner.scalar(at: offset)
            switch scalar.kind {
            case .space, .newline:
                switch scalar.value {
                case 0x0A: lineFeeds += 1; spaces = 0
                case 0x20, 0x09: spaces += 1
                default: break
                }
                offset += scalar.width
                continue
            case .letter, .digit:
                let end = wordEnd(scanner, from: offset)
                let spacing = Spacing(lineFeeds: lineFeeds, spaces: spaces, isFirst: out.tokens.isEmpty)
                (lineFeeds, spaces) = (0, 0)
                makeToken(keys, offset, end, joins: offset == previousEnd, spacing, into: &out)
                mergeMeasurement(&out, text, keys)
                previousEnd = end
                offset = end
            default:
                var end = offset + scalar.width
                if scalar.isArrowPart {
                    while end < scanner.bytes.count {
                        let next = scanner.scalar(at: end)
                        guard next.isArrowPart else { break }
                        end += next.width
                    }
                }
                let range = TextRange(start: Int32(offset), end: Int32(end))
                let key = keys.key(range, into: &out.keys)
                let spacing = Spacing(lineFeeds: lineFeeds, spaces: spaces, isFirst: out.tokens.isEmpty)
                (lineFeeds, spaces) = (0, 0)
                out.tokens.append(Token(range: range, kind: .punctuation, quantity: nil, joinsPrevious: offset == previousEnd,
                                        symbol: key.symbol, mark: key.mark, spacing: spacing))
                previousEnd = end
                offset = end
            }
        }
        out.keys.trim()
        return out
    }

    /// A run of letters and digits: where it ends, how many scalars it has, whether its last
    /// scalar is a digit, and whether it has a digit or a letter.
    private struct Run {
        var end: Int
        var count = 0
        var endsWithDigit = false
        var hasDigit = false
        var hasLetter = false
    }

    private func alnumRun(_ scanner: TextScanner, from start: Int) -> Run {
        var end = start, count = 0, digits = 0
        var last = ScalarClass.other
        while end < scanner.bytes.count {
            let scalar = scanner.scalar(at: end)
            guard scalar.kind == .letter || scalar.kind == .digit else { break }
            last = scalar.kind
            if last == .digit { digits += 1 }
            count += 1
            end += scalar.width
        }
        return Run(end: end, count: count, endsWithDigit: last == .digit, hasDigit: digits > 0, hasLetter: digits < count)
    }

    /// End (exclusive byte offset) of the word starting at `start`, with its joined parts.
    private func wordEnd(_ scanner: TextScanner, from start: Int) -> Int {
        var run = alnumRun(scanner, from: start)
        var hasDigit = run.hasDigit
        var isFirstSegment = true
        while run.end < scanner.bytes.count {
            let joiner = scanner.scalar(at: run.end)
            let nextOffset = run.end + joiner.width
            guard nextOffset < scanner.bytes.count else { break }
            let next = scanner.scalar(at: nextOffset)
            guard next.kind == .letter || next.kind == .digit else { break }
            let joins: Bool
            switch joiner.kind {
            case .dash, .slash:
                // "L4-5", "L5-S1", "8/10"; one-letter abbreviations "s/p", "w/o", "x-ray". A word of three
                // or more letters keeps its number apart ("Isovue-300", "Kenalog-40": name, then strength).
                joins = hasDigit || (next.kind == .digit && run.count <= 2) || (run.count == 1 && isFirstSegment)
            case .other where joiner.value == 0x2E:  // "." inside decimals and codes: "0.5", "M54.16"
                joins = run.endsWithDigit && next.kind == .digit
            case .other where joiner.value == 0x3A:  // ":" inside ratios and times: "1:1", "10:30"
                joins = run.endsWithDigit && next.kind == .digit
            case .other where joiner.value == 0x2C:  // "," in thousands: "1,000 units", "2,500-unit"
                var digits = 0, after = nextOffset
                while after < scanner.bytes.count {
                    let scalar = scanner.scalar(at: after)
                    guard scalar.kind == .digit else { break }
                    digits += 1
                    after += scalar.width
                }
                joins = run.endsWithDigit && digits == 3 && !run.hasLetter
            default:
                joins = false
            }
            guard joins else { break }
            isFirstSegment = false
            run = alnumRun(scanner, from: nextOffset)
            hasDigit = hasDigit || run.hasDigit
        }
        // "0.5%": a percent sign right after a number belongs to it.
        if run.end < scanner.bytes.count, scanner.bytes[run.end] == 0x25, run.endsWithDigit { return run.end + 1 }
        return run.end
    }

    /// A word, number or measurement token: every token is a word unless its key starts with an
    /// ASCII digit and reads as a number, or a number glued to a known unit.
    private func makeToken(_ keys: KeyMaker, _ start: Int, _ end: Int, joins: Bool, _ spacing: Spacing,
                           into out: inout TokenizedText) {
        let range = TextRange(start: Int32(start), end: Int32(end))
        let made = keys.key(range, into: &out.keys)
        var kind = Token.Kind.word
        var quantity: Quantity?
        out.keys.withBytes(out.keys.count - 1) { key in
            guard let lead = key.first, lead >= 0x30, lead <= 0x39 else { return }
            if let value = Tokenizer.number(key[...]) {
                kind = .number
                quantity = Quantity(value: value.value, unit: value.isPercent ? .percent : nil)
            } else if let (value, unit) = numberWithUnit(key, keys.lookup) {
                kind = .measurement
                quantity = Quantity(value: value, unit: unit)
            }
        }
        out.tokens.append(Token(range: range, kind: kind, quantity: quantity, joinsPrevious: joins, symbol: made.symbol,
                                mark: made.mark, spacing: spacing))
    }

    /// "500-unit" (a number joined to its unit by a hyphen), "10mg", "2.5cc" (a number glued to a
    /// known unit, starting at its first letter).
    private func numberWithUnit(_ key: UnsafeBufferPointer<UInt8>, _ lookup: KeySymbols.Lookup) -> (Double, MeasureUnit)? {
        func unit(from start: Int) -> MeasureUnit? {
            unitOfSymbol[lookup.symbol(UnsafeBufferPointer(rebasing: key[start...]))]
        }
        if let dash = key.firstIndex(of: UInt8(ascii: "-")), let value = Tokenizer.number(key[..<dash]), !value.isPercent,
           let unit = unit(from: dash + 1) {
            return (value.value, unit)
        }
        if let split = Self.firstLetter(key), split != 0, let value = Tokenizer.number(key[..<split]), !value.isPercent,
           let unit = unit(from: split) {
            return (value.value, unit)
        }
        return nil
    }

    /// Where the first letter of a key is (a byte offset): by bytes when the key is ASCII, by
    /// Characters otherwise.
    private static func firstLetter(_ key: UnsafeBufferPointer<UInt8>) -> Int? {
        guard key.allSatisfy({ $0 < 0x80 }) else {
            let string = String(decoding: key, as: UTF8.self)
            return string.firstIndex(where: \.isLetter).map { string.utf8.distance(from: string.startIndex, to: $0) }
        }
        return key.firstIndex { ($0 | 0x20) >= 0x61 && ($0 | 0x20) <= 0x7A }
    }

    /// Joins the word just made (the last token) to the tokens before it when it is a unit: a
    /// number and the unit after it on its line ("10 mg"), and a measurement with "/unit" right
    /// after it ("10 mg/mL").
    private func mergeMeasurement(_ out: inout TokenizedText, _ text: NoteText, _ keys: KeyMaker) {
        let word = out.tokens.count - 1
        guard word > 0, out.tokens[word].kind == .word else { return }
        let last = word - 1
        let (number, unitWord) = (out.tokens[last], out.tokens[word])
        let afterNumber = number.kind == .number && number.quantity?.unit == nil
        let afterSlash = !afterNumber && last > 0 && number.kind == .punctuation && number.isMark("/") && number.joinsPrevious
            && unitWord.joinsPrevious && out.tokens[last - 1].kind == .measurement && out.tokens[last - 1].quantity?.perUnit == nil
        guard afterNumber || afterSlash, let unit = unitOfSymbol[unitWord.symbol] else { return }
        let merged: Int
        if afterNumber {
            guard sameLine(number.range, unitWord.range, text) else { return }
            merged = last
            out.tokens[merged].kind = .measurement
            out.tokens[merged].quantity?.unit = unit
        } else {
            merged = last - 1
            out.tokens[merged].quantity?.perUnit = unit
        }
        out.tokens.removeLast(word - merged)
        out.keys.removeLast(word - merged + 1)
        out.tokens[merged].range = out.tokens[merged].range.union(unitWord.range)
        (out.tokens[merged].symbol, out.tokens[merged].mark) = keys.key(out.tokens[merged].range, into: &out.keys)
    }

    private func sameLine(_ a: TextRange, _ b: TextRange, _ text: NoteText) -> Bool {
        for offset in Int(a.end)..<Int(b.start) where text.utf8[offset] == 0x0A || text.utf8[offset] == 0x0D {
            return false
        }
        return true
    }

    /// Parses "10", "0.5", "1,000", "40%" (ASCII digits after folding), byte by byte: the digits
    /// (commas skipped) make an integer, divided by the power of ten of the decimals — exact for
    /// the short numbers notes hold, like `Double("0.5")`.
    static func number(_ key: Slice<UnsafeBufferPointer<UInt8>>) -> (value: Double, isPercent: Bool)? {
        var bytes = key
        let isPercent = bytes.last == UInt8(ascii: "%")
        if isPercent { bytes = bytes.dropLast() }
        guard let first = bytes.first, first >= 0x30, first <= 0x39 else { return nil }
        var mantissa: UInt64 = 0, decimals = 0, seenPoint = false, digits = 0
        for byte in bytes {
            switch byte {
            case 0x30...0x39:
                // Past 15 digits the integer-over-power-of-ten shortcut may round differently: let Double parse it.
                guard digits < 15 else { return Double(String(decoding: bytes.filter { $0 != UInt8(ascii: ",") }, as: UTF8.self)).map { ($0, isPercent) } }
                mantissa = mantissa * 10 + UInt64(byte - 0x30)
                digits += 1
                if seenPoint { decimals += 1 }
            case UInt8(ascii: "."):
                guard !seenPoint else { return nil }
                seenPoint = true
            case UInt8(ascii: ","):
                continue
            default:
                return nil
            }
        }
        var scale = 1.0
        for _ in 0..<decimals { scale *= 10 }
        return (Double(mantissa) / scale, isPercent)
    }
}

/// Makes a token's key and finds its symbol. ASCII text (most tokens) is lower-cased straight into
/// the keys' buffer and looked up from there; other text is folded by ``KeyFolding`` (ICU).
struct KeyMaker {
    let text: NoteText
    let utf8: UnsafeBufferPointer<UInt8>
    let lookup: KeySymbols.Lookup

    /// Appends the key of the text in `range` to `keys`; returns the key's symbol and its mark
    /// (``Token/mark``).
    func key(_ range: TextRange, into keys: inout TokenKeys) -> (symbol: Int32, mark: UInt8) {
        let source = UnsafeBufferPointer(rebasing: utf8[Int(range.start)..<Int(range.end)])
        if let symbol = keys.write(source.count, { lookup.symbol(lowercasing: source, into: $0) }) {
            keys.commit(source.count)
            return (symbol, keys.lastMark)
        }
        var key = KeyFolding.key(utf8: text.utf8[range.bytes])
        let symbol = key.withUTF8 { key in
            keys.append(key)
            return lookup.symbol(key)
        }
        return (symbol, keys.lastMark)
    }
}

/// Reads the scalars of valid UTF-8 text (a ``NoteText``'s bytes) where they stand: ASCII
/// classified by table lookup, other scalars decoded from their bytes and classified by their
/// Unicode properties.
struct TextScanner {
    let bytes: UnsafeBufferPointer<UInt8>
    /// ``ScalarClass/ascii``.
    let ascii: UnsafeBufferPointer<ScalarClass>

    struct Scalar {
        var value: UInt32
        var kind: ScalarClass
        /// Its length in bytes.
        var width: Int

        var isArrowPart: Bool { kind == .dash || value == 0x3E || value == 0x3D }  // "-", ">", "="
    }

    @inline(__always)
    func scalar(at offset: Int) -> Scalar {
        let byte = bytes[offset]
        if byte < 0x80 { return Scalar(value: UInt32(byte), kind: ascii[Int(byte)], width: 1) }
        let width = byte >= 0xF0 ? 4 : byte >= 0xE0 ? 3 : 2
        let end = min(offset + width, bytes.count)
        var value = UInt32(byte) & (width == 2 ? 0x1F : width == 3 ? 0x0F : 0x07)
        for index in (offset + 1)..<end { value = value << 6 | UInt32(bytes[index] & 0x3F) }
        let scalar = Unicode.Scalar(value) ?? "\u{FFFD}"
        return Scalar(value: scalar.value, kind: ScalarClass(scalar), width: end - offset)
    }
}

