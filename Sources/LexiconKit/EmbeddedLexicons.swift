/// The lexicon tables compiled into the binary; see `Generated/` (written by `swift run generate-lexicons`).
public enum EmbeddedLexicons {
    /// Paths of every embedded table, sorted.
    public static var paths: [String] { files.keys.sorted { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) } }
}
