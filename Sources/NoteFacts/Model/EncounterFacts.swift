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

    /// The first date in a piece of text, in the forms notes write.
    public init?(parsing text: String) {
        let months = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]
        let words = text.lowercased().split(whereSeparator: { $0 == " " || $0 == "," || $0 == "\t" }).map(String.init)
        for (index, word) in words.enumerated() {
            let parts = word.split(whereSeparator: { $0 == "/" || $0 == "-" || $0 == "." }).map(String.init)
            if parts.count == 3, parts.allSatisfy({ $0.allSatisfy(\.isNumber) }) {
                let numbers = parts.compactMap { Int($0) }
                if parts[0].count == 4, let date = ClinicalDate(year: numbers[0], month: numbers[1], day: numbers[2]) {
                    self = date; return
                }
                let year = parts[2].count == 2 ? 2000 + numbers[2] : numbers[2]
                if let date = ClinicalDate(year: year, month: numbers[0], day: numbers[1]) { self = date; return }
            }
            if let month = months.firstIndex(where: { word.hasPrefix($0) }), index + 2 < words.count + 1 {
                // "January 30, 2026" / "Jan 30 2026"
                if index + 2 < words.count, let day = Int(words[index + 1]), let year = Int(words[index + 2]),
                   let date = ClinicalDate(year: year, month: month + 1, day: day) { self = date; return }
                // "30 Jan 2026"
                if index >= 1, index + 1 < words.count, let day = Int(words[index - 1]), let year = Int(words[index + 1]),
                   let date = ClinicalDate(year: year, month: month + 1, day: day) { self = date; return }
            }
        }
        return nil
    }

    /// Days since 1970-01-01 (proleptic Gregorian), for windows of days.
    public var dayNumber: Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let doy = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146097 + doe - 719468
    }

    public var description: String {
        let pad = { (value: Int, width: Int) in String(repeating: "0", count: max(0, width - String(value).count)) + String(value) }
        return "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))"
    }

    public static func < (lhs: ClinicalDate, rhs: ClinicalDate) -> Bool { lhs.dayNumber < rhs.dayNumber }
}
