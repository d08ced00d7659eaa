#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
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

        public mutating func next() -> BatchItem? {
            while true {
                if var current = folder {
                    let next = current.walker.next()
                    folder = current
                    if let file = next {
                        return item(id: NoteID.forRelativePath(file.relative), path: file.full, payload: Self.read(file.full, maxBytes))
                    }
                    folder = nil
                }
                if var current = jsonl {
                    let next = current.reader.next()
                    current.line += 1
                    jsonl = current
                    switch next {
                    case .line(let bytes)?:
                        if bytes.allSatisfy(NoteDecoder.isSpace) { continue }
                        return jsonLine(bytes, path: current.path, line: current.line)
                    case .tooLong?:
                        return item(id: "\(NoteID.forFile(current.path)):\(current.line)", path: current.path,
                                    payload: .failed(NoteError(.tooLarge, "\(NoteID.forFile(current.path)):\(current.line): the line is over the limit of \(maxBytes) bytes")))
                    case nil:
                        jsonl = nil
                    }
                }
                guard let path = paths.popLast() else { return nil }
                if isDirectory(path) {
                    folder = (FolderWalker(root: path), path)
                } else if path.lowercased().hasSuffix(".jsonl") {
                    guard let reader = LineReader(path: path, maxLine: maxBytes) else {
                        return item(id: NoteID.forFile(path), path: path, payload: .failed(NoteError(.unreadable, "\(path): cannot read the file")))
                    }
                    jsonl = (reader, path, 0)
                } else {
                    return item(id: NoteID.forFile(path), path: path, payload: Self.read(path, maxBytes))
                }
            }
        }

        private mutating func item(id: String, path: String, payload: BatchItem.Payload) -> BatchItem {
            defer { ordinal += 1 }
            return BatchItem(ordinal: ordinal, id: id, payload: payload, path: path)
        }

        private struct JSONNote: Decodable { var id: String?; var text: String? }

        private mutating func jsonLine(_ bytes: [UInt8], path: String, line: Int) -> BatchItem {
            let fallback = "\(NoteID.forFile(path)):\(line)"
            let fast = JSONNoteLine.parse(bytes).map { JSONNote(id: $0.id, text: $0.text) }
            guard let note = fast ?? (try? JSONDecoder().decode(JSONNote.self, from: Data(bytes))) else {
                return item(id: fallback, path: path, payload: .failed(NoteError(.unreadable, "\(fallback): the line is not a JSON object with \"id\" and \"text\"")))
            }
            let id = note.id.flatMap { $0.isEmpty ? nil : $0 } ?? fallback
            guard let text = note.text else {
                return item(id: id, path: path, payload: .failed(NoteError(.empty, "\(id): the line has no \"text\"")))
            }
            return item(id: id, path: path, payload: .bytes(Array(text.utf8)))
        }

        static func read(_ path: String, _ maxBytes: Int) -> BatchItem.Payload { NoteFile.read(path, maxBytes: maxBytes) }
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

func isDirectory(_ path: String) -> Bool {
    (try? FileManager.default.attributesOfItem(atPath: path)[.type] as? FileAttributeType) == .typeDirectory
}

func fileSize(_ path: String) -> Int? {
    (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? nil
}
