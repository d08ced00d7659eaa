public import ClinicalText

/// Who the note is about, when, and who performed it: what a batch needs to count sessions per
/// patient and a review needs to group notes by provider. The patient's name and record number
/// are protected health information: they are kept as spans for hashing, never written as text.
public struct EncounterFacts: Sendable, Equatable {
    public var patientName: TextRange?
    public var recordNumber: TextRange?
    public var birthDate: ClinicalDate?
    public var serviceDate: ClinicalDate?
    /// The performing or signing provider, as written ("Anselm Ruiz-Takahashi, MD").
    public var provider: String?

    public init() {}
}

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
        let bytes = text.utf8.map { $0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0 }
        let words = bytes.split { $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: ",") || $0 == UInt8(ascii: "\t") }
        func int(_ digits: ArraySlice<UInt8>) -> Int? { Int(String(decoding: digits, as: UTF8.self)) }
        for (index, word) in words.enumerated() {
            let parts = word.split { $0 == UInt8(ascii: "/") || $0 == UInt8(ascii: "-") || $0 == UInt8(ascii: ".") }
            if parts.count == 3, parts.allSatisfy({ $0.allSatisfy { $0 >= 0x30 && $0 <= 0x39 } }),
               let first = int(parts[0]), let second = int(parts[1]), let third = int(parts[2]) {
                if parts[0].count == 4, let date = ClinicalDate(year: first, month: second, day: third) {
                    self = date; return
                }
                let year = parts[2].count == 2 ? 2000 + third : third
                if let date = ClinicalDate(year: year, month: first, day: second) { self = date; return }
            }
            if let month = Self.monthPrefixes.firstIndex(where: { word.starts(with: $0.utf8) }), index + 1 < words.count {
                // "January 30, 2026" / "Jan 30 2026"
                if index + 2 < words.count, let day = int(words[index + 1]), let year = int(words[index + 2]),
                   let date = ClinicalDate(year: year, month: month + 1, day: day) { self = date; return }
                // "30 Jan 2026"
                if index >= 1, let day = int(words[index - 1]), let year = int(words[index + 1]),
                   let date = ClinicalDate(year: year, month: month + 1, day: day) { self = date; return }
            }
        }
        return nil
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
