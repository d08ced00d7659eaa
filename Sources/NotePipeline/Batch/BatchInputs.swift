#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// One note of a batch, numbered in input order: its id and its bytes, or why it cannot be read.
public struct BatchItem: Sendable {
    public enum Payload: Sendable {
        case bytes([UInt8])
        case failed(NoteError)
    }
    public let ordinal: Int
    public let id: String
    public let payload: Payload
    /// The file the note came from (for a JSON Lines note, the .jsonl file).
    public let path: String
}

/// A note of a batch found but not yet read: a file to load or a JSON Lines line to parse. A batch
/// hands these to its workers, so that reading and parsing run in parallel with the coding and the
/// task that walks the inputs does no more than split lines.
public struct PendingItem: Sendable {
    enum Source: Sendable {
        case file(id: String, path: String)
        case jsonLine([UInt8], path: String, line: Int)
        case ready(BatchItem.Payload, id: String, path: String)
    }
    public let ordinal: Int
    let source: Source
    let maxBytes: Int

    /// Reads the note: the file's bytes, or the line's `id` and `text`, or the error.
    public func resolve() -> BatchItem {
        switch source {
        case .file(let id, let path):
            return BatchItem(ordinal: ordinal, id: id, payload: NoteFile.read(path, maxBytes: maxBytes), path: path)
        case .ready(let payload, let id, let path):
            return BatchItem(ordinal: ordinal, id: id, payload: payload, path: path)
        case .jsonLine(let bytes, let path, let line):
            let (id, payload) = Self.parse(bytes, fallback: { "\(NoteID.forFile(path)):\(line)" })
            return BatchItem(ordinal: ordinal, id: id, payload: payload, path: path)
        }
    }

    /// `fallback`: the id of a line without one ("notes:12"), made only when needed.
    private static func parse(_ bytes: [UInt8], fallback: () -> String) -> (String, BatchItem.Payload) {
        let note: (id: String?, text: [UInt8]?)
        if let fast = JSONNoteLine.parse(bytes) {
            note = fast
        } else if case .object(let object)? = try? JSONValue.parse(bytes), let members = Self.note(object) {
            note = members  // what the fast reader leaves to the full parser (values nested very deep)
        } else {
            let id = fallback()
            return (id, .failed(NoteError(.unreadable, "\(id): the line is not a JSON object with \"id\" and \"text\"")))
        }
        let id = note.id.flatMap { $0.isEmpty ? nil : $0 } ?? fallback()
        guard let text = note.text else { return (id, .failed(NoteError(.empty, "\(id): the line has no \"text\""))) }
        return (id, .bytes(text))
    }

    /// The `id` and `text` of a parsed line: each a string, null or absent; nil when either is
    /// anything else.
    private static func note(_ object: JSONObject) -> (id: String?, text: [UInt8]?)? {
        func string(_ key: String) -> String?? {
            switch object[key] {
            case nil, .null?: return .some(nil)
            case .string(let value)?: return .some(value)
            default: return nil
            }
        }
        guard let id = string("id"), let text = string("text") else { return nil }
        return (id, text.map { Array($0.utf8) })
    }
}

/// The notes of a batch, read lazily in a fixed order: each INPUT in turn; a folder walked
/// recursively one directory at a time, entries sorted by their UTF-8 bytes, `.txt` and `.xml`
/// files kept; a `.jsonl` file line by line (`{"id": …, "text": …}`); any other file as one note.
/// Ids follow the contract: a folder's notes by their path inside it without the extension, a
/// named file by its name without the extension, a JSON Lines note by its `id` (or `FILE:LINE`).
/// Nothing is lost: an unreadable file or line is an item with its error.
public struct BatchInputs: Sequence, Sendable {
    public let paths: [String]
    public let maxBytes: Int

    public init(paths: [String], maxBytes: Int = NoteDecoder.defaultMaxBytes) {
        self.paths = paths
        self.maxBytes = maxBytes
    }

    public func makeIterator() -> Iterator { Iterator(paths: paths, maxBytes: maxBytes) }

    /// How many notes the inputs hold (a quick pass, for progress and ETA).
    public func count() -> Int {
        var total = 0
        for path in paths {
            if isDirectory(path) {
                var walker = FolderWalker(root: path)
                while walker.next() != nil { total += 1 }
            } else if path.lowercased().hasSuffix(".jsonl") {
                guard let reader = LineReader(path: path, maxLine: Int.max) else { total += 1; continue }
                var lines = reader
                while let line = lines.next() { if case .line(let bytes) = line, bytes.allSatisfy(NoteDecoder.isSpace) { continue }; total += 1 }
            } else {
                total += 1
            }
        }
        return total
    }

    public struct Iterator: IteratorProtocol {
        private var paths: [String]
        private let maxBytes: Int
        private var ordinal = 0
        private var folder: (walker: FolderWalker, root: String)?
        private var jsonl: (reader: LineReader, path: String, line: Int)?

        init(paths: [String], maxBytes: Int) {
            self.paths = paths.reversed()
            self.maxBytes = maxBytes
        }

        public mutating func next() -> BatchItem? { nextPending()?.resolve() }

        /// The next note without reading it (see ``PendingItem``).
        public mutating func nextPending() -> PendingItem? {
            while true {
                if var current = folder {
                    let next = current.walker.next()
                    folder = current
                    if let file = next {
                        return pending(.file(id: NoteID.forRelativePath(file.relative), path: file.full))
                    }
                    folder = nil
                }
                if var current = jsonl {
                    jsonl = nil  // the reader's buffer has one owner while it reads
                    let next = current.reader.next()
                    current.line += 1
                    jsonl = current
                    switch next {
                    case .line(let bytes)?:
                        if bytes.allSatisfy(NoteDecoder.isSpace) { continue }
                        return pending(.jsonLine(bytes, path: current.path, line: current.line))
                    case .tooLong?:
                        let id = "\(NoteID.forFile(current.path)):\(current.line)"
                        return pending(.ready(.failed(NoteError(.tooLarge, "\(id): the line is over the limit of \(maxBytes) bytes")),
                                              id: id, path: current.path))
                    case nil:
                        jsonl = nil
                    }
                }
                guard let path = paths.popLast() else { return nil }
                if isDirectory(path) {
                    folder = (FolderWalker(root: path), path)
                } else if path.lowercased().hasSuffix(".jsonl") {
                    guard let reader = LineReader(path: path, maxLine: maxBytes) else {
                        return pending(.ready(.failed(NoteError(.unreadable, "\(path): cannot read the file")), id: NoteID.forFile(path), path: path))
                    }
                    jsonl = (reader, path, 0)
                } else {
                    return pending(.file(id: NoteID.forFile(path), path: path))
                }
            }
        }

        private mutating func pending(_ source: PendingItem.Source) -> PendingItem {
            defer { ordinal += 1 }
            return PendingItem(ordinal: ordinal, source: source, maxBytes: maxBytes)
        }
    }
}

/// Reading one note file.
public enum NoteFile {
    /// A file's bytes, refusing a file over the limit before reading it (a 200 MB file is never loaded).
    public static func read(_ path: String, maxBytes: Int) -> BatchItem.Payload {
            let id = NoteID.forFile(path)
            if let size = fileSize(path), size > maxBytes {
                return .failed(NoteError(.tooLarge, "\(id): \(size) bytes is over the limit of \(maxBytes) bytes"))
            }
            guard let data = FileManager.default.contents(atPath: path) else {
                return .failed(NoteError(.unreadable, "\(id): cannot read the file"))
            }
            return .bytes(Array(data))
    }

    /// The size in bytes of the file `path` names (through links), nil when it cannot be read.
    public static func size(_ path: String) -> Int? { fileSize(path) }
}

/// Walks a folder depth first, one directory listing at a time, entries sorted by UTF-8 bytes
/// (so notes come in the order of their sorted paths), yielding `.txt` and `.xml` files.
struct FolderWalker {
    struct File { var full: String; var relative: String }
    /// One sorted listing per open directory, consumed from the end.
    private var stack: [[(full: String, relative: String)]]

    init(root: String) {
        stack = [Self.listing(root, relative: "")]
    }

    mutating func next() -> File? {
        while !stack.isEmpty {
            guard let entry = stack[stack.count - 1].popLast() else {
                stack.removeLast()
                continue
            }
            if isDirectory(entry.full) {
                stack.append(Self.listing(entry.full, relative: entry.relative))
                continue
            }
            let lower = entry.full.lowercased()
            if lower.hasSuffix(".txt") || lower.hasSuffix(".xml") { return File(full: entry.full, relative: entry.relative) }
        }
        return nil
    }

    /// A directory's entries, sorted, reversed so that `popLast` yields the first.
    private static func listing(_ directory: String, relative: String) -> [(full: String, relative: String)] {
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? [])
            .filter { !$0.hasPrefix(".") }
            .sorted { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) }
        return names.reversed().map { name in (directory + "/" + name, relative.isEmpty ? name : relative + "/" + name) }
    }
}

// stat(2) rather than FileManager's attribute dictionary, whose casts cost runtime type lookups
// at start-up.

/// True for a directory itself, not a link to one (a walk does not follow links into loops).
func isDirectory(_ path: String) -> Bool {
    var info = stat()
    return lstat(path, &info) == 0 && info.st_mode & S_IFMT == S_IFDIR
}

/// The size of the file `path` names (through links: the bytes a read returns).
func fileSize(_ path: String) -> Int? {
    var info = stat()
    return stat(path, &info) == 0 ? Int(info.st_size) : nil
}
