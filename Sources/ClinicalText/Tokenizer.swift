/// The clinical tokenizer: splits a note into ``Token``s that keep clinical units whole.
///
/// "L4-5", "L5-S1", "C7-T1", "L4/5", "s/p", "8/10", "M54.16", "1:1" and "0.5%" are one token each;
/// a number and the unit after it ("10 mg", "10mg", "2.5cc", "10 mg/mL", "20 min") become one
/// measurement token. Units come from data (`Lexicons/text/units.tsv`), passed in as a table.
public struct Tokenizer: Sendable {
    /// Folded unit spelling → canonical unit ("cc" → "mL").
    public let units: [String: String]

    public init(units: [String: String]) {
        self.units = units
    }

    /// Tokens of `text`, in order. Never fails: odd text gives odd tokens.
    public func tokens(of text: NoteText) -> [Token] {
        let scalars = ScannedScalar.scan(text.utf8)
        var tokens: [Token] = []
        tokens.reserveCapacity(scalars.count / 4)
        var index = 0
        var previousEnd: Int32 = -1
        while index < scalars.count {
            let scalar = scalars[index]
            switch scalar.kind {
            case .space, .newline:
                index += 1
                continue
            case .letter, .digit:
                let end = wordEnd(scalars, from: index)
                tokens.append(makeToken(text, scalars, index, end, previousEnd: previousEnd))
                mergeMeasurement(&tokens, text)
                previousEnd = scalars[end - 1].end
                index = end
            default:
                var end = index + 1
                if scalar.isArrowPart {
                    while end < scalars.count, scalars[end].isArrowPart { end += 1 }
                }
                let range = TextRange(start: scalars[index].start, end: scalars[end - 1].end)
                tokens.append(Token(range: range, kind: .punctuation, key: KeyFolding.key(utf8: text.utf8[range.bytes]),
                                    joinsPrevious: scalars[index].start == previousEnd))
                previousEnd = scalars[end - 1].end
                index = end
            }
        }
        return tokens
    }

    /// End (exclusive scalar index) of the word starting at `start`, with its joined parts.
    private func wordEnd(_ scalars: [ScannedScalar], from start: Int) -> Int {
        var end = start
        var hasDigit = false
        var segmentStart = start
        func alnumRun(_ from: Int) -> Int {
            var i = from
            while i < scalars.count, scalars[i].kind == .letter || scalars[i].kind == .digit {
                if scalars[i].kind == .digit { hasDigit = true }
                i += 1
            }
            return i
        }
        end = alnumRun(start)
        while end + 1 < scalars.count {
            let joiner = scalars[end]
            let next = scalars[end + 1]
            guard next.kind == .letter || next.kind == .digit else { break }
            let lastIsDigit = scalars[end - 1].kind == .digit
            let joins: Bool
            switch joiner.kind {
            case .dash, .slash:
                // "L4-5", "L5-S1", "8/10"; one-letter abbreviations "s/p", "w/o", "x-ray". A word of three
                // or more letters keeps its number apart ("Isovue-300", "Kenalog-40": name, then strength).
                let letters = end - segmentStart
                joins = hasDigit || (next.kind == .digit && letters <= 2) || (letters == 1 && segmentStart == start)
            case .other where joiner.value == 0x2E:  // "." inside decimals and codes: "0.5", "M54.16"
                joins = lastIsDigit && next.kind == .digit
            case .other where joiner.value == 0x3A:  // ":" inside ratios and times: "1:1", "10:30"
                joins = lastIsDigit && next.kind == .digit
            case .other where joiner.value == 0x2C:  // "," in thousands: "1,000 units", "2,500-unit"
                let digits = scalars[(end + 1)...].prefix { $0.kind == .digit }.count
                let after = end + 1 + digits
                joins = lastIsDigit && digits == 3 && (after >= scalars.count || scalars[after].kind != .digit)
                    && !scalars[segmentStart..<end].contains { $0.kind == .letter }
            default:
                joins = false
            }
            guard joins else { break }
            segmentStart = end + 1
            end = alnumRun(end + 1)
        }
        // "0.5%": a percent sign right after a number belongs to it.
        if end < scalars.count, scalars[end].value == 0x25, scalars[end - 1].kind == .digit { end += 1 }
        return end
    }

    private func makeToken(_ text: NoteText, _ scalars: [ScannedScalar], _ start: Int, _ end: Int,
                           previousEnd: Int32) -> Token {
        let range = TextRange(start: scalars[start].start, end: scalars[end - 1].end)
        let key = KeyFolding.key(utf8: text.utf8[range.bytes])
        let joins = scalars[start].start == previousEnd
        // Numbers and measurements start with an ASCII digit; every other word is done.
        guard let lead = key.utf8.first, lead >= 0x30, lead <= 0x39 else {
            return Token(range: range, kind: .word, key: key, joinsPrevious: joins)
        }
        if let value = Tokenizer.number(key) {
            return Token(range: range, kind: .number, key: key,
                         quantity: Quantity(value: value.value, unit: value.isPercent ? "%" : nil),
                         joinsPrevious: joins)
        }
        let bytes = key.utf8
        // "50-unit vial", "500-unit": a number joined to its unit by a hyphen.
        if let dash = bytes.firstIndex(of: UInt8(ascii: "-")), let value = Tokenizer.number(key[..<dash]), !value.isPercent,
           let unit = units[String(key[bytes.index(after: dash)...])] {
            return Token(range: range, kind: .measurement, key: key, quantity: Quantity(value: value.value, unit: unit),
                         joinsPrevious: joins)
        }
        // "10mg", "2.5cc": a number glued to a known unit (starting at its first letter).
        if let split = Self.firstLetter(key), split != key.startIndex,
           let value = Tokenizer.number(key[..<split]), !value.isPercent,
           let unit = units[String(key[split...])] {
            return Token(range: range, kind: .measurement, key: key,
                         quantity: Quantity(value: value.value, unit: unit), joinsPrevious: joins)
        }
        return Token(range: range, kind: .word, key: key, joinsPrevious: joins)
    }

    /// Where the first letter of a key is: by bytes when the key is ASCII, by Characters otherwise.
    private static func firstLetter(_ key: String) -> String.Index? {
        let bytes = key.utf8
        guard bytes.allSatisfy({ $0 < 0x80 }) else { return key.firstIndex(where: \.isLetter) }
        return bytes.firstIndex { ($0 | 0x20) >= 0x61 && ($0 | 0x20) <= 0x7A }
    }

    /// Joins the word just made (the last token) to the tokens before it when it is a unit: a
    /// number and the unit after it on its line ("10 mg"), and a measurement with "/unit" right
    /// after it ("10 mg/mL").
    private func mergeMeasurement(_ tokens: inout [Token], _ text: NoteText) {
        let word = tokens.count - 1
        guard word > 0, tokens[word].kind == .word else { return }
        let last = word - 1
        let afterNumber = tokens[last].kind == .number && tokens[last].quantity?.unit == nil
        let afterSlash = !afterNumber && last > 0 && tokens[last].kind == .punctuation && tokens[last].key == "/" && tokens[last].joinsPrevious
            && tokens[word].joinsPrevious && tokens[last - 1].kind == .measurement && tokens[last - 1].quantity?.perUnit == nil
        guard afterNumber || afterSlash, let unit = units[tokens[word].key] else { return }
        let wordRange = tokens[word].range
        if afterNumber {
            guard sameLine(tokens[last].range, wordRange, text) else { return }
            tokens.removeLast()
            tokens[last].range = tokens[last].range.union(wordRange)
            tokens[last].kind = .measurement
            tokens[last].quantity?.unit = unit
        } else {
            tokens.removeLast(2)
            tokens[last - 1].range = tokens[last - 1].range.union(wordRange)
            tokens[last - 1].quantity?.perUnit = unit
        }
        tokens[tokens.count - 1].key = KeyFolding.key(utf8: text.utf8[tokens[tokens.count - 1].range.bytes])
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
    static func number(_ key: some StringProtocol) -> (value: Double, isPercent: Bool)? {
        var bytes = Substring(key).utf8[...]
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

/// One scalar of the text with its class and UTF-8 span.
struct ScannedScalar {
    var value: UInt32
    var kind: ScalarClass
    var start: Int32
    var end: Int32

    var isArrowPart: Bool { kind == .dash || value == 0x3E || value == 0x3D }  // "-", ">", "="

    /// The scalars of valid UTF-8 text (a ``NoteText``'s bytes): ASCII classified by table lookup,
    /// other scalars decoded from their bytes and classified by their Unicode properties.
    static func scan(_ utf8: [UInt8]) -> [ScannedScalar] {
        [ScannedScalar](unsafeUninitializedCapacity: utf8.count) { out, count in
            ScalarClass.ascii.withUnsafeBufferPointer { ascii in
            utf8.withUnsafeBufferPointer { utf8 in
                var offset = 0
                count = 0
                while offset < utf8.count {
                    let byte = utf8[offset]
                    if byte < 0x80 {
                        out[count] = ScannedScalar(value: UInt32(byte), kind: ascii[Int(byte)],
                                                   start: Int32(offset), end: Int32(offset + 1))
                        count += 1
                        offset += 1
                        continue
                    }
                    let width = byte >= 0xF0 ? 4 : byte >= 0xE0 ? 3 : 2
                    let end = min(offset + width, utf8.count)
                    var value = UInt32(byte) & (width == 2 ? 0x1F : width == 3 ? 0x0F : 0x07)
                    for index in (offset + 1)..<end { value = value << 6 | UInt32(utf8[index] & 0x3F) }
                    let scalar = Unicode.Scalar(value) ?? "\u{FFFD}"
                    out[count] = ScannedScalar(value: scalar.value, kind: ScalarClass(scalar), start: Int32(offset), end: Int32(end))
                    count += 1
                    offset += width
                }
            }
            }
        }
    }
}
