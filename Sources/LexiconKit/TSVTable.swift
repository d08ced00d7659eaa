/// A parsed lexicon table: UTF-8, tab-separated, one header row, `#` comment lines and blank lines
/// skipped. Cells are trimmed; `-` means "none". Knows TSV, not medicine: typed rows are decoded
/// by the module that owns their meaning, through ``Row``'s accessors, which throw errors that name
/// file, line and column.
public struct TSVTable: Sendable {
    /// The path the table was read from, relative to the lexicon root (for error messages).
    public var path: String { storage.path }
    public var columns: [String] { storage.columns }
    public let rows: [Row]
    private let storage: Storage

    /// What the rows of a table share, held once: a row is a reference to it and a few numbers,
    /// so going through the rows retains one reference per row, not four buffers.
    final class Storage: Sendable {
        let path: String
        let columns: [String]
        /// The table's text.
        let bytes: [UInt8]
        /// Every row's cells, trimmed, one row after another.
        let cells: [Range<Int>]

        init(path: String, columns: [String], bytes: [UInt8], cells: [Range<Int>]) {
            (self.path, self.columns, self.bytes, self.cells) = (path, columns, bytes, cells)
        }
    }

    /// One data row: ranges of the table's text, read into strings only when a reader asks for a
    /// cell (a table of hundreds of rows loads with no string per row or cell).
    public struct Row: Sendable {
        let table: Storage
        /// 1-based line number in the file.
        public let line: Int
        /// This row's line in the table's text, and its cells in ``Storage/cells``.
        let lineRange: Range<Int>
        let cellRange: Range<Int>

        public var path: String { table.path }
        var columns: [String] { table.columns }

        /// The row as written, for error messages.
        var rawLine: String { String(decoding: table.bytes[lineRange], as: UTF8.self) }

        /// The cell of a named column; throws when the column is missing or the cell is empty.
        public func text(_ column: String) throws(LexiconError) -> String {
            guard let index = columns.firstIndex(of: column) else {
                throw LexiconError(path: path, line: line, column: 1, rowText: rawLine,
                                   reason: "the table has no column `\(column)`")
            }
            return string(try cell(index, column))
        }

        /// The cell of a named column, or nil when it is `-` (none) or the column is absent.
        public func optional(_ column: String) throws(LexiconError) -> String? {
            try optionalCell(column).map(string)
        }

        /// A comma-separated list cell; empty for `-`.
        public func list(_ column: String) throws(LexiconError) -> [String] {
            guard let cell = try optionalCell(column) else { return [] }
            return table.bytes.withUnsafeBufferPointer { TSVTable.items($0, cell) }.filter { !$0.isEmpty }.map(string)
        }

        /// The bytes of the cell in column `index` (named `column`); throws when it is empty.
        private func cell(_ index: Int, _ column: String) throws(LexiconError) -> Range<Int> {
            guard index < cellRange.count, !table.cells[cellRange.lowerBound + index].isEmpty else {
                throw error(column: column, "the `\(column)` cell is empty")
            }
            return table.cells[cellRange.lowerBound + index]
        }

        /// The bytes of a named column's cell, nil when it is `-` or the column is absent.
        private func optionalCell(_ column: String) throws(LexiconError) -> Range<Int>? {
            guard let index = columns.firstIndex(of: column) else { return nil }
            let cell = try cell(index, column)
            return cell.count == 1 && table.bytes[cell.lowerBound] == UInt8(ascii: "-") ? nil : cell
        }

        private func string(_ cell: Range<Int>) -> String { String(decoding: table.bytes[cell], as: UTF8.self) }

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
        var header: [String]?
        var rows: [(line: Int, range: Range<Int>, cells: Range<Int>)] = []
        var cells: [Range<Int>] = []  // every row's cells, one after another
        var lineNumber = 0
        // Split on bytes (tab, newline and space are ASCII and never inside a multi-byte character).
        let bytes = Array(text.utf8)
        var lineStart = 0
        try bytes.withUnsafeBufferPointer { bytes throws(LexiconError) in
            while lineStart <= bytes.count {
                lineNumber += 1
                // A blank or comment line is passed over to its line feed.
                var contentStart = lineStart
                while contentStart < bytes.count, bytes[contentStart] == 0x20 || bytes[contentStart] == 0x09 { contentStart += 1 }
                let onlyCRLeft = contentStart < bytes.count && bytes[contentStart] == 0x0D
                    && (contentStart + 1 == bytes.count || bytes[contentStart + 1] == 0x0A)
                if contentStart == bytes.count || bytes[contentStart] == 0x0A || onlyCRLeft || bytes[contentStart] == UInt8(ascii: "#") {
                    var lineEnd = contentStart
                    while lineEnd < bytes.count, bytes[lineEnd] != 0x0A { lineEnd += 1 }
                    lineStart = lineEnd + 1
                    continue
                }
                // The cells, in the same pass that finds the line's end.
                let first = cells.count
                var cellStart = lineStart, lineEnd = lineStart
                while lineEnd < bytes.count, bytes[lineEnd] != 0x0A {
                    if bytes[lineEnd] == 0x09 {
                        cells.append(Self.trimmed(bytes, cellStart..<lineEnd))
                        cellStart = lineEnd + 1
                    }
                    lineEnd += 1
                }
                defer { lineStart = lineEnd + 1 }
                let end = bytes[lineEnd - 1] == 0x0D ? lineEnd - 1 : lineEnd  // the line holds more than a CR (above)
                cells.append(Self.trimmed(bytes, cellStart..<end))
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
        }
        guard let columns = header else {
            throw LexiconError(path: path, line: 1, column: 1, rowText: "", reason: "the table has no header row")
        }
        let storage = Storage(path: path, columns: columns, bytes: bytes, cells: cells)
        self.storage = storage
        self.rows = rows.map { Row(table: storage, line: $0.line, lineRange: $0.range, cellRange: $0.cells) }
    }

    /// The items of a list cell (`bytes[cell]`), between its commas, each trimmed of spaces,
    /// empty items kept. Works on bytes: commas and spaces are ASCII, never inside a character.
    static func items(_ bytes: UnsafeBufferPointer<UInt8>, _ cell: Range<Int>) -> [Range<Int>] {
        var items: [Range<Int>] = []
        var start = cell.lowerBound
        while true {
            var end = start
            while end < cell.upperBound, bytes[end] != UInt8(ascii: ",") { end += 1 }
            items.append(trimmed(bytes, start..<end))
            if end == cell.upperBound { return items }
            start = end + 1
        }
    }

    /// `range` without the spaces at its ends.
    static func trimmed(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Range<Int> {
        var first = range.lowerBound, last = range.upperBound
        while first < last, bytes[first] == 0x20 { first += 1 }
        while last > first, bytes[last - 1] == 0x20 { last -= 1 }
        return first..<last
    }
}
