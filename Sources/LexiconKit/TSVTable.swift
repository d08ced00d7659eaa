/// A parsed lexicon table: UTF-8, tab-separated, one header row, `#` comment lines and blank lines
/// skipped. Cells are trimmed; `-` means "none". Knows TSV, not medicine: typed rows are decoded
/// by the module that owns their meaning, through ``Row``'s accessors, which throw errors that name
/// file, line and column.
public struct TSVTable: Sendable {
    /// The path the table was read from, relative to the lexicon root (for error messages).
    public let path: String
    public let columns: [String]
    public let rows: [Row]

    /// One data row: ranges of the table's text, read into strings only when a reader asks for a
    /// cell (a table of hundreds of rows loads with no string per row or cell).
    public struct Row: Sendable {
        public let path: String
        /// 1-based line number in the file.
        public let line: Int
        let columns: [String]
        /// The table's text (shared by its rows), this row's line in it, and its cells, trimmed.
        let bytes: [UInt8]
        let lineRange: Range<Int>
        let cellRanges: ArraySlice<Range<Int>>

        /// The row as written, for error messages.
        var rawLine: String { String(decoding: bytes[lineRange], as: UTF8.self) }

        /// The cell of a named column; throws when the column is missing or the cell is empty.
        public func text(_ column: String) throws(LexiconError) -> String {
            guard let index = columns.firstIndex(of: column) else {
                throw LexiconError(path: path, line: line, column: 1, rowText: rawLine,
                                   reason: "the table has no column `\(column)`")
            }
            guard index < cellRanges.count, !cellRanges[cellRanges.startIndex + index].isEmpty else {
                throw error(column: column, "the `\(column)` cell is empty")
            }
            return String(decoding: bytes[cellRanges[cellRanges.startIndex + index]], as: UTF8.self)
        }

        /// The cell of a named column, or nil when it is `-` (none) or the column is absent.
        public func optional(_ column: String) throws(LexiconError) -> String? {
            guard columns.contains(column) else { return nil }
            let value = try text(column)
            return value == "-" ? nil : value
        }

        /// A comma-separated list cell; empty for `-`.
        public func list(_ column: String) throws(LexiconError) -> [String] {
            guard let value = try optional(column) else { return [] }
            let bytes = Array(value.utf8)
            var items: [Range<Int>] = []
            TSVTable.fields(bytes, 0..<bytes.count, separator: UInt8(ascii: ","), trimmingTabs: true, into: &items)
            return items.filter { !$0.isEmpty }.map { String(decoding: bytes[$0], as: UTF8.self) }
        }

        /// Decodes a cell into a closed vocabulary, naming the allowed values on failure. Inlinable,
        /// so that each vocabulary's reading is specialized where it is read (a generic call looked
        /// up `Optional<T>`'s metadata for every cell).
        @inlinable
        public func value<T: RawRepresentable & CaseIterable>(_ column: String, as type: T.Type) throws(LexiconError) -> T
        where T.RawValue == String {
            let raw = try text(column)
            guard let value = T(rawValue: raw) else {
                let allowed = T.allCases.map(\.rawValue).joined(separator: ", ")
                throw error(column: column, "unknown value `\(raw)`; expected one of \(allowed)")
            }
            return value
        }

        /// A comma-separated list cell of a closed vocabulary; empty for `-`.
        @inlinable
        public func values<T: RawRepresentable & CaseIterable>(_ column: String, as type: T.Type) throws(LexiconError) -> [T]
        where T.RawValue == String {
            var out: [T] = []
            for raw in try list(column) {
                guard let value = T(rawValue: raw) else {
                    let allowed = T.allCases.map(\.rawValue).joined(separator: ", ")
                    throw error(column: column, "unknown value `\(raw)`; expected one of \(allowed)")
                }
                out.append(value)
            }
            return out
        }

        /// A `yes`/`no` cell.
        public func yesNo(_ column: String) throws(LexiconError) -> Bool {
            switch try text(column) {
            case "yes": return true
            case "no": return false
            default: throw error(column: column, "expected yes or no")
            }
        }

        /// A number cell.
        public func number(_ column: String) throws(LexiconError) -> Double {
            let raw = try text(column)
            guard let value = Double(raw) else { throw error(column: column, "`\(raw)` is not a number") }
            return value
        }

        /// An error pointing at a cell of this row.
        public func error(column: String, _ reason: String) -> LexiconError {
            let index = columns.firstIndex(of: column) ?? 0
            let prefix = rawLine.split(separator: "\t", omittingEmptySubsequences: false).prefix(index)
            let offset = prefix.reduce(0) { $0 + $1.count + 1 }
            return LexiconError(path: path, line: line, column: offset + 1, rowText: rawLine, reason: reason)
        }
    }

    /// Parses table text. Throws when the header is missing or a row has more cells than columns.
    public init(path: String, text: String) throws(LexiconError) {
        self.path = path
        var header: [String]?
        var rows: [(line: Int, range: Range<Int>, cells: Range<Int>)] = []
        var cells: [Range<Int>] = []  // every row's cells, one after another
        var lineNumber = 0
        // Split on bytes (tab, newline and space are ASCII and never inside a multi-byte character).
        let bytes = Array(text.utf8)
        var lineStart = 0
        while lineStart <= bytes.count {
            var lineEnd = lineStart
            while lineEnd < bytes.count, bytes[lineEnd] != 0x0A { lineEnd += 1 }
            defer { lineStart = lineEnd + 1 }
            lineNumber += 1
            let end = lineEnd > lineStart && bytes[lineEnd - 1] == 0x0D ? lineEnd - 1 : lineEnd
            var contentStart = lineStart
            while contentStart < end, bytes[contentStart] == 0x20 || bytes[contentStart] == 0x09 { contentStart += 1 }
            if contentStart == end || bytes[contentStart] == UInt8(ascii: "#") { continue }
            let first = cells.count
            Self.fields(bytes, lineStart..<end, separator: 0x09, trimmingTabs: false, into: &cells)
            guard let columns = header else {
                header = cells[first...].map { String(decoding: bytes[$0], as: UTF8.self) }
                cells.removeAll(keepingCapacity: true)
                continue
            }
            guard cells.count - first <= columns.count else {
                throw LexiconError(path: path, line: lineNumber, column: 1, rowText: String(decoding: bytes[lineStart..<end], as: UTF8.self),
                                   reason: "\(cells.count - first) cells in a table of \(columns.count) columns")
            }
            rows.append((lineNumber, lineStart..<end, first..<cells.count))
        }
        guard let columns = header else {
            throw LexiconError(path: path, line: 1, column: 1, rowText: "", reason: "the table has no header row")
        }
        self.columns = columns
        self.rows = rows.map { Row(path: path, line: $0.line, columns: columns, bytes: bytes, lineRange: $0.range, cellRanges: cells[$0.cells]) }
    }

    /// The fields of `bytes[range]` between separators, as ranges, each trimmed of spaces (and
    /// tabs), empty fields kept. Works on bytes: the separators and spaces are ASCII, never inside a character.
    static func fields(_ bytes: [UInt8], _ range: Range<Int>, separator: UInt8, trimmingTabs: Bool,
                       into out: inout [Range<Int>]) {
        func isBlank(_ byte: UInt8) -> Bool { byte == 0x20 || (trimmingTabs && byte == 0x09) }
        var start = range.lowerBound
        while true {
            var end = start
            while end < range.upperBound, bytes[end] != separator { end += 1 }
            var first = start, last = end
            while first < last, isBlank(bytes[first]) { first += 1 }
            while last > first, isBlank(bytes[last - 1]) { last -= 1 }
            out.append(first..<last)
            if end == range.upperBound { return }
            start = end + 1
        }
    }
}
