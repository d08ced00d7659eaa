/// Checks and decodes raw note bytes: size cap, empty or blank, NUL and other binary bytes,
/// strict UTF-8 (naming the offset of the first bad byte), and a leading byte-order mark dropped.
public struct NoteDecoder: Sendable {
    /// Largest note accepted, in bytes.
    public var maxBytes: Int

    public static let defaultMaxBytes = 20 * 1024 * 1024

    public init(maxBytes: Int = NoteDecoder.defaultMaxBytes) {
        self.maxBytes = maxBytes
    }

    /// The note's text, or the reason it cannot be read.
    public func decode(_ bytes: [UInt8], id: String) throws(NoteError) -> Note {
        guard bytes.count <= maxBytes else {
            throw NoteError(.tooLarge, "\(id): \(bytes.count) bytes is over the limit of \(maxBytes) bytes")
        }
        var body = bytes[...]
        if body.starts(with: [0xEF, 0xBB, 0xBF]) { body = body.dropFirst(3) }
        guard body.contains(where: { !Self.isSpace($0) }) else {
            throw NoteError(.empty, "\(id): the note is empty")
        }
        if let offset = body.firstIndex(of: 0) {
            throw NoteError(.binary, "\(id): a NUL byte at offset \(offset) - this looks like a binary file, not a note")
        }
        let controls = body.lazy.filter { $0 < 0x20 && !Self.isSpace($0) }.count
        if controls * 100 > body.count {
            throw NoteError(.binary, "\(id): \(controls) control bytes - this looks like a binary file, not a note")
        }
        // One validating pass (the standard library's); the offset is looked for only on failure.
        guard let text = String(validating: body, as: UTF8.self) else {
            throw NoteError(.invalidUTF8, "\(id): invalid UTF-8 at byte offset \(Self.firstInvalidUTF8(body) ?? 0)")
        }
        return Note(id: id, text: text)
    }

    public static func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D || byte == 0x0C }

    /// The offset (in the original byte array) of the first byte that breaks UTF-8, or nil.
    static func firstInvalidUTF8(_ bytes: ArraySlice<UInt8>) -> Int? {
        var iterator = bytes.makeIterator()
        var decoder = UTF8()
        var offset = bytes.startIndex
        while true {
            switch decoder.decode(&iterator) {
            case .scalarValue(let scalar):
                offset += UTF8.width(scalar)
            case .emptyInput:
                return nil
            case .error:
                return offset
            }
        }
    }
}
