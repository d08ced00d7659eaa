/// How the tokenizer reads numbers and measurements: a digit-led word as a number ("0.5",
/// "1,000", "40%") or a number glued to its unit ("10mg", "500-unit"), and a unit word after a
/// number merged into it ("10 mg", "10 mg/mL").
extension Tokenizer {
    /// A word, number or measurement token, `key` its key (just written) and `symbol` its symbol:
    /// every token is a word unless its key starts with an ASCII digit and reads as a number, or a
    /// number glued to a known unit.
    func makeToken(_ symbol: Int32, _ key: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int, joins: Bool, _ spacing: Spacing,
                   _ lookup: KeySymbols.Lookup, into tokens: inout AppendBuffer<Token>) {
        let range = TextRange(checkedOffsets: start, end)
        var kind = Token.Kind.word
        var quantity: Quantity?
        if let lead = key.first, lead >= 0x30, lead <= 0x39 {
            if let value = Tokenizer.number(key[...]) {
                kind = .number
                quantity = Quantity(value: value.value, unit: value.isPercent ? .percent : nil)
            } else if let (value, unit) = numberWithUnit(key, lookup) {
                kind = .measurement
                quantity = Quantity(value: value, unit: unit)
            }
        }
        tokens.append(Token(range: range, kind: kind, quantity: quantity, joinsPrevious: joins, symbol: symbol, key: key,
                            spacing: spacing))
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
    @inline(__always)
    func mergeMeasurement(_ tokens: inout AppendBuffer<Token>, _ writer: inout KeyWriter, _ text: NoteText, _ keys: KeyMaker) {
        let word = tokens.count - 1
        guard word > 0, tokens[word].kind == .word else { return }
        // Only a number, or a "/" after a measurement, takes a unit after it: most words stop here.
        guard tokens[word - 1].kind == .number || tokens[word - 1].mark == UInt8(ascii: "/") else { return }
        mergeUnit(&tokens, &writer, text, keys)
    }

    private func mergeUnit(_ tokens: inout AppendBuffer<Token>, _ writer: inout KeyWriter, _ text: NoteText, _ keys: KeyMaker) {
        let word = tokens.count - 1
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
        let symbol = keys.key(tokens[merged].range, into: &writer)
        tokens[merged].setKey(symbol, writer.lastKey)
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
    public static func number(_ key: Slice<UnsafeBufferPointer<UInt8>>) -> (value: Double, isPercent: Bool)? {
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
