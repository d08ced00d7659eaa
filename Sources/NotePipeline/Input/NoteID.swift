/// Note ids as the contract names them.
public enum NoteID {
    /// A file given by name: its name without the folder and extension.
    /// A note in a folder: its path inside the folder without the extension ("2024/jan/note-7").
    public static func forRelativePath(_ relative: String) -> String {
        guard let slash = relative.lastIndex(of: "/") else { return forFile(relative) }
        return String(relative[...slash]) + forFile(String(relative[relative.index(after: slash)...]))
    }

    public static func forFile(_ path: String) -> String {
        let name = path.split(separator: "/").last.map(String.init) ?? path
        guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return name }
        return String(name[..<dot])
    }
}
