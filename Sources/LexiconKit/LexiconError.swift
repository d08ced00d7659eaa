/// A problem in a lexicon file, pointing at file, line and column with a caret under the cell:
///
///     Lexicons/drugs/drugs.tsv:42:17: unknown value `mgs`; expected one of mg, units
///     kenalog	triamcinolone	mgs
///                     ^
public struct LexiconError: Error, Sendable, CustomStringConvertible, Equatable {
    public var path: String
    public var line: Int
    public var column: Int
    public var rowText: String
    public var reason: String

    public init(path: String, line: Int, column: Int, rowText: String, reason: String) {
        self.path = path
        self.line = line
        self.column = column
        self.rowText = rowText
        self.reason = reason
    }

    public var description: String {
        let caretIndent = String(rowText.prefix(max(0, column - 1)).map { $0 == "\t" ? "\t" : " " })
        return "Lexicons/\(path):\(line):\(column): \(reason)\n\(rowText)\n\(caretIndent)^"
    }
}
