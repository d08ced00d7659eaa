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
        var tokens: [Token] = []
        tokens.reserveCapacity(scanner.bytes.count / 5)
        var writer = KeyWriter(bytes: scanner.bytes.count, keys: scanner.bytes.count / 5)
        var offset = 0
        var previousEnd = -1
        var lineFeeds = 0, spaces = 0  // since the last token; spaces since the last line feed
        while offset < scanner.bytes.count {
            let scalar = scanner.scalar(at: offset)
            switch scalar.kind {
            case .space, .newline:
                guard scalar.value < 0x80 else { offset += scalar.width; continue }
                // A run of ASCII white space, byte by byte.
                while offset < scanner.bytes.count {
                    let byte = scanner.bytes[offset]
                    guard byte < 0x80, scanner.ascii[Int(byte)] == .space || scanner.ascii[Int(byte)] == .newline else { break }
                    if byte == 0x0A { lineFeeds += 1; spaces = 0 } else if byte == 0x20 || byte == 0x09 { spaces += 1 }
                    offset += 1
                }
                continue
            case .letter, .digit:
                let end: Int, made: (symbol: Int32, mark: UInt8)
                let room = writer.room(scanner.bytes.count - offset)
                if let word = asciiWord(scanner, from: offset, key: room) {
                    // Read, lower-cased and hashed in one loop: the key is in place, only its symbol is looked up.
                    end = word.end
                    let count = end - offset
                    made = (keys.lookup.find(UnsafeBufferPointer(start: room, count: count), hash: word.hash).symbol, count == 1 ? room[0] : 0)
                    writer.commit(count)
                } else {
                    end = wordEnd(scanner, from: offset)
                    made = keys.key(TextRange(start: Int32(offset), end: Int32(end)), into: &writer)
                }
                let spacing = Spacing(lineFeeds: lineFeeds, spaces: spaces, isFirst: tokens.isEmpty)
                (lineFeeds, spaces) = (0, 0)
                makeToken(made, offset, end, joins: offset == previousEnd, spacing, keys.lookup, into: &tokens, writer)
                mergeMeasurement(&tokens, &writer, text, keys)
                previousEnd = end
                offset = end
            default:
                if scalar.value < 0x80, !scalar.isArrowPart {
                    // One ASCII mark: its key is itself, its symbol read from a table.
                    let byte = UInt8(scalar.value)
                    writer.room(1).pointee = byte
                    writer.commit(1)
                    let spacing = Spacing(lineFeeds: lineFeeds, spaces: spaces, isFirst: tokens.isEmpty)
                    (lineFeeds, spaces) = (0, 0)
                    tokens.append(Token(range: TextRange(start: Int32(offset), end: Int32(offset + 1)), kind: .punctuation, quantity: nil,
                                        joinsPrevious: offset == previousEnd, symbol: asciiSymbols[Int(byte)], mark: byte, spacing: spacing))
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
                let range = TextRange(start: Int32(offset), end: Int32(end))
                let key = keys.key(range, into: &writer)
                let spacing = Spacing(lineFeeds: lineFeeds, spaces: spaces, isFirst: tokens.isEmpty)
                (lineFeeds, spaces) = (0, 0)
                tokens.append(Token(range: range, kind: .punctuation, quantity: nil, joinsPrevious: offset == previousEnd,
                                    symbol: key.symbol, mark: key.mark, spacing: spacing))
                previousEnd = end
                offset = end
            }
        }
        return TokenizedText(tokens: tokens, keys: TokenKeys(writer))
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

    /// ``wordEnd(_:from:)`` for a word of ASCII text, read byte by byte, its key (lower-cased)
    /// written at `key` and hashed as it goes (``KeySymbols``' hash); nil when a byte it reads is
    /// not ASCII (then the scalar-by-scalar reading decides, and ICU may fold the key).
    private func asciiWord(_ scanner: TextScanner, from start: Int, key: UnsafeMutablePointer<UInt8>) -> (end: Int, hash: Int)? {
        let bytes = scanner.bytes
        var end = start, hasDigit = false, segments = 0
        var hash = KeySymbols.hashSeed
        func take(_ byte: UInt8) {
            key[end - start] = byte
            hash = KeySymbols.hash(hash, byte)
            end += 1
        }
        while true {
            // One run of letters and digits.
            let runStart = end
            var digits = 0, lastIsDigit = false
            while end < bytes.count {
                let byte = bytes[end]
                guard byte < 0x80 else { return nil }
                let kind = scanner.ascii[Int(byte)]
                if kind == .digit { digits += 1; lastIsDigit = true }
                else if kind == .letter { lastIsDigit = false }
                else { break }
                take(KeyFolding.asciiLowercase(byte))
            }
            let count = end - runStart
            hasDigit = hasDigit || digits > 0
            segments += 1
            guard end + 1 < bytes.count else { break }
            let (joiner, next) = (bytes[end], bytes[end + 1])
            guard joiner < 0x80, next < 0x80 else { return nil }
            let nextKind = scanner.ascii[Int(next)]
            guard nextKind == .letter || nextKind == .digit else { break }
            let joins: Bool
            switch joiner {
            case UInt8(ascii: "-"), UInt8(ascii: "/"):
                joins = hasDigit || (nextKind == .digit && count <= 2) || (count == 1 && segments == 1)
            case UInt8(ascii: "."), UInt8(ascii: ":"):
                joins = lastIsDigit && nextKind == .digit
            case UInt8(ascii: ","):
                var after = end + 1
                while after < bytes.count, bytes[after] &- 0x30 < 10 { after += 1 }
                guard after == bytes.count || bytes[after] < 0x80 else { return nil }
                joins = lastIsDigit && after - (end + 1) == 3 && digits == count
            default:
                joins = false
            }
            guard joins else { break }
            take(joiner)
        }
        // "0.5%": a percent sign right after a number belongs to it.
        if end < bytes.count, bytes[end] == 0x25, end > start, bytes[end - 1] &- 0x30 < 10 { take(0x25) }
        return (end, KeySymbols.finish(hash))
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

    /// A word, number or measurement token, its key just written (the writer's last) and `made` its
    /// symbol and mark: every token is a word unless its key starts with an ASCII digit and reads
    /// as a number, or a number glued to a known unit.
    private func makeToken(_ made: (symbol: Int32, mark: UInt8), _ start: Int, _ end: Int, joins: Bool, _ spacing: Spacing,
                           _ lookup: KeySymbols.Lookup, into tokens: inout [Token], _ writer: borrowing KeyWriter) {
        let range = TextRange(start: Int32(start), end: Int32(end))
        var kind = Token.Kind.word
        var quantity: Quantity?
        let key = writer.lastKey
        if let lead = key.first, lead >= 0x30, lead <= 0x39 {
            if let value = Tokenizer.number(key[...]) {
                kind = .number
                quantity = Quantity(value: value.value, unit: value.isPercent ? .percent : nil)
            } else if let (value, unit) = numberWithUnit(key, lookup) {
                kind = .measurement
                quantity = Quantity(value: value, unit: unit)
            }
        }
        tokens.append(Token(range: range, kind: kind, quantity: quantity, joinsPrevious: joins, symbol: made.symbol,
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
    private func mergeMeasurement(_ tokens: inout [Token], _ writer: inout KeyWriter, _ text: NoteText, _ keys: KeyMaker) {
        let word = tokens.count - 1
        guard word > 0, tokens[word].kind == .word else { return }
        // Only a number, or a "/" after a measurement, takes a unit after it.
        guard tokens[word - 1].kind == .number || tokens[word - 1].mark == UInt8(ascii: "/") else { return }
        let last = word - 1
        let (number, unitWord) = (tokens[last], tokens[word])
        let afterNumber = number.kind == .number && number.quantity?.unit == nil
        let afterSlash = !afterNumber && last > 0 && number.kind == .punctuation && number.isMark("/") && number.joinsPrevious
            && unitWord.joinsPrevious && tokens[last - 1].kind == .measurement && tokens[last - 1].quantity?.perUnit == nil
        guard afterNumber || afterSlash, let unit = unitOfSymbol[unitWord.symbol] else { return }
        let merged: Int
        if afterNumber {
            guard sameLine(number.range, unitWord.range, text) else { return }
            merged = last
            tokens[merged].kind = .measurement
            tokens[merged].quantity?.unit = unit
        } else {
            merged = last - 1
            tokens[merged].quantity?.perUnit = unit
        }
        tokens.removeLast(word - merged)
        writer.removeLast(word - merged + 1)
        tokens[merged].range = tokens[merged].range.union(unitWord.range)
        (tokens[merged].symbol, tokens[merged].mark) = keys.key(tokens[merged].range, into: &writer)
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
    func key(_ range: TextRange, into keys: inout KeyWriter) -> (symbol: Int32, mark: UInt8) {
        let count = Int(range.end - range.start)
        let source = UnsafeBufferPointer(start: utf8.baseAddress! + Int(range.start), count: count)
        let room = keys.room(count)
        if let symbol = lookup.symbol(lowercasing: source, into: UnsafeMutableBufferPointer(start: room, count: count)) {
            keys.commit(count)
            return (symbol, count == 1 ? room[0] : 0)
        }
        var key = KeyFolding.key(utf8: text.utf8[range.bytes])
        return key.withUTF8 { key in
            keys.append(key)
            return (lookup.symbol(key), key.count == 1 && key[0] < 0x80 ? key[0] : 0)
        }
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

