/// Note ids as the contract names them.
public enum NoteID {
    /// A file given by name: its name without the folder and extension.
    public static func forFile(_ path: String) -> String {
        let name = path.split(separator: "/").last.map(String.init) ?? path
        guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return name }
        return String(name[..<dot])
    }
}
