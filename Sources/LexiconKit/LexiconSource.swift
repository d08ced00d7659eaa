#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// Where lexicon tables come from: the copy embedded in the binary (default), or a directory of
/// `.tsv` files (`--lexicons DIR`) so a coder can try an edited copy without rebuilding.
public enum LexiconSource: Sendable {
    case embedded
    case directory(String)

    /// The text of a table, by its path relative to the lexicon root (e.g. `text/units.tsv`).
    public func text(of path: String) throws(LexiconError) -> String {
        switch self {
        case .embedded:
            guard let text = EmbeddedLexicons.files[path] else {
                throw LexiconError(path: path, line: 0, column: 0, rowText: "", reason: "no such embedded lexicon")
            }
            return text
        case .directory(let root):
            let url = URL(fileURLWithPath: root).appendingPathComponent(path)
            guard let data = try? Data(contentsOf: url) else {
                throw LexiconError(path: path, line: 0, column: 0, rowText: "",
                                   reason: "cannot read \(url.path)")
            }
            guard let text = String(validating: data, as: UTF8.self) else {
                throw LexiconError(path: path, line: 0, column: 0, rowText: "", reason: "the file is not UTF-8")
            }
            return text
        }
    }

    /// Reads and parses one table.
    public func table(_ path: String) throws(LexiconError) -> TSVTable {
        try TSVTable(path: path, text: text(of: path))
    }
}
