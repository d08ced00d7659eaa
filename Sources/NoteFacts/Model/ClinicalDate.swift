/// A calendar date read from a note ("01/30/2026", "2026-01-30", "January 30, 2026").
public struct ClinicalDate: Sendable, Hashable, Comparable, CustomStringConvertible {
    public let year: Int, month: Int, day: Int

    public init?(year: Int, month: Int, day: Int) {
        guard (1900...2100).contains(year), (1...12).contains(month), (1...31).contains(day) else { return nil }
        self.year = year
        self.month = month
        self.day = day
    }

    /// The first date in a piece of text, in the forms notes write. Reads ASCII bytes: digits,
    /// separators and month names are ASCII, and anything else is part of no date.
    public init?(parsing text: String) {
        var text = text
        guard let date = text.withUTF8(Self.firstDate) else { return nil }
        self = date
    }

    /// ``init(parsing:)`` for UTF-8 bytes, such as a span of a note.
    public init?(parsingUTF8 bytes: ArraySlice<UInt8>) {
        guard let date = bytes.withUnsafeBufferPointer(Self.firstDate) else { return nil }
        self = date
    }

    /// Words are runs between spaces, commas and tabs. A word of three runs of digits between
    /// "/", "-" or "." is a date, year first ("2026-01-30") or last ("01/30/2026", "1.30.26");
    /// a word that starts with a month's name takes the day and year after it ("January 30,
    /// 2026") or the day before it and the year after ("30 Jan 2026"). Read where the bytes
    /// stand: no word or part is copied.
    private static func firstDate(_ text: UnsafeBufferPointer<UInt8>) -> ClinicalDate? {
        func isWordBreak(_ byte: UInt8) -> Bool { byte == UInt8(ascii: " ") || byte == UInt8(ascii: ",") || byte == UInt8(ascii: "\t") }
        /// The next word (a non-empty run without word breaks) from `offset`, nil at the end.
        func word(from offset: Int) -> Range<Int>? {
            var start = offset
            while start < text.count, isWordBreak(text[start]) { start += 1 }
            guard start < text.count else { return nil }
            var end = start
            while end < text.count, !isWordBreak(text[end]) { end += 1 }
            return start..<end
        }
        var previous: Range<Int>?
        var current = word(from: 0)
        while let this = current {
            let next = word(from: this.upperBound)
            if let date = numericDate(text[this]) { return date }
            if let month = monthNumber(text[this]), let next {
                // "January 30, 2026" / "Jan 30 2026"
                if let third = word(from: next.upperBound), let day = integer(text[next]), let year = integer(text[third]),
                   let date = ClinicalDate(year: year, month: month, day: day) { return date }
                // "30 Jan 2026"
                if let previous, let day = integer(text[previous]), let year = integer(text[next]),
                   let date = ClinicalDate(year: year, month: month, day: day) { return date }
            }
            (previous, current) = (this, next)
        }
        return nil
    }

    /// "01/30/2026", "2026-01-30", "1.30.26": exactly three non-empty runs of digits between
    /// separators (separators in a row, or at either end, part nothing).
    private static func numericDate(_ word: Slice<UnsafeBufferPointer<UInt8>>) -> ClinicalDate? {
        func isSeparator(_ byte: UInt8) -> Bool { byte == UInt8(ascii: "/") || byte == UInt8(ascii: "-") || byte == UInt8(ascii: ".") }
        var values: (Int, Int, Int) = (0, 0, 0), digits: (Int, Int, Int) = (0, 0, 0)
        var parts = 0, index = word.startIndex
        while index < word.endIndex {
            guard !isSeparator(word[index]) else { index += 1; continue }
            var end = index
            while end < word.endIndex, !isSeparator(word[end]) { end += 1 }
            guard parts < 3, word[index..<end].allSatisfy({ $0 &- 0x30 < 10 }), let value = integer(word[index..<end]) else { return nil }
            switch parts {
            case 0: (values.0, digits.0) = (value, end - index)
            case 1: (values.1, digits.1) = (value, end - index)
            default: (values.2, digits.2) = (value, end - index)
            }
            parts += 1
            index = end
        }
        guard parts == 3 else { return nil }
        if digits.0 == 4, let date = ClinicalDate(year: values.0, month: values.1, day: values.2) { return date }
        return ClinicalDate(year: digits.2 == 2 ? 2000 + values.2 : values.2, month: values.0, day: values.1)
    }

    /// 1 to 12 for a word that starts with a month's name or its first three letters, any case.
    private static func monthNumber(_ word: Slice<UnsafeBufferPointer<UInt8>>) -> Int? {
        guard word.count >= 3 else { return nil }
        let letters = word.prefix(3).lazy.map { $0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0 }
        return monthPrefixes.firstIndex { $0.utf8.elementsEqual(letters) }.map { $0 + 1 }
    }

    /// An integer as `Int(_: String)` reads one: an optional sign, then only ASCII digits; nil on overflow.
    private static func integer(_ text: Slice<UnsafeBufferPointer<UInt8>>) -> Int? {
        var digits = text[...]
        var negative = false
        if let sign = digits.first, sign == UInt8(ascii: "+") || sign == UInt8(ascii: "-") {
            negative = sign == UInt8(ascii: "-")
            digits = digits.dropFirst()
        }
        guard !digits.isEmpty else { return nil }
        var value = 0
        for byte in digits {
            guard byte &- 0x30 < 10 else { return nil }
            let digit = Int(byte - 0x30)
            let (shifted, overflowed) = value.multipliedReportingOverflow(by: 10)
            let (sum, overflowedAgain) = shifted.addingReportingOverflow(negative ? -digit : digit)
            guard !overflowed, !overflowedAgain else { return nil }
            value = sum
        }
        return value
    }

    private static let monthPrefixes = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]

    /// Days since 1970-01-01 (proleptic Gregorian), for windows of days.
    public var dayNumber: Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let doy = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146097 + doe - 719468
    }

    /// "2026-02-18": the year always has four digits (1900–2100), month and day two each.
    public var description: String {
        String(unsafeUninitializedCapacity: 10) { out in
            func put(_ value: Int, digits: Int, at offset: Int) {
                var value = value
                for index in (offset..<offset + digits).reversed() {
                    out[index] = UInt8(ascii: "0") + UInt8(value % 10)
                    value /= 10
                }
            }
            put(year, digits: 4, at: 0)
            out[4] = UInt8(ascii: "-")
            put(month, digits: 2, at: 5)
            out[7] = UInt8(ascii: "-")
            put(day, digits: 2, at: 8)
            return 10
        }
    }

    public static func < (lhs: ClinicalDate, rhs: ClinicalDate) -> Bool { lhs.dayNumber < rhs.dayNumber }
}
