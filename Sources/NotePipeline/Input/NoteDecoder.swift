import ClinicalText

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
        let hasByteOrderMark = bytes.starts(with: [0xEF, 0xBB, 0xBF])
        let body = hasByteOrderMark ? bytes.dropFirst(3) : bytes[...]
        guard body.contains(where: { !Self.isSpace($0) }) else {
            throw NoteError(.empty, "\(id): the note is empty")
        }
        let (firstNUL, controls) = Self.controlBytes(body)
        if let offset = firstNUL {
            throw NoteError(.binary, "\(id): a NUL byte at offset \(offset) - this looks like a binary file, not a note")
        }
        if controls * 100 > body.count {
            throw NoteError(.binary, "\(id): \(controls) control bytes - this looks like a binary file, not a note")
        }
        // One validating pass (the standard library's), over the bytes the note keeps; the offset
        // is looked for only on failure.
        guard let text = NoteText(validating: hasByteOrderMark ? Array(body) : bytes) else {
            throw NoteError(.invalidUTF8, "\(id): invalid UTF-8 at byte offset \(Self.firstInvalidUTF8(body) ?? 0)")
        }
        return Note(id: id, text: text)
    }

    public static func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D || byte == 0x0C }

    /// In one pass: the offset (in the original array) of the first NUL byte, and how many
    /// control bytes other than white space come before it (all of them when there is no NUL).
    /// Eight bytes are tested at a time; only the bytes below 0x20 (line feeds, mostly) are read one by one.
    static func controlBytes(_ body: ArraySlice<UInt8>) -> (firstNUL: Int?, controls: Int) {
        body.withUnsafeBytes { raw in
            var controls = 0
            var offset = 0
            func byte(_ index: Int) -> Int? {  // a NUL's offset, or nil after counting a control byte
                let byte = raw[index]
                if byte == 0 { return body.startIndex + index }
                if byte < 0x20, !isSpace(byte) { controls += 1 }
                return nil
            }
            let highs: UInt64 = 0x8080_8080_8080_8080, lows: UInt64 = 0x7F7F_7F7F_7F7F_7F7F
            while offset + 8 <= raw.count {
                let word = raw.loadUnaligned(fromByteOffset: offset, as: UInt64.self)
                // The high bit of each byte below 0x20, exactly: a byte is below 0x20 when its top
                // three bits are 0, and adding 0x7F to its low seven bits carries into no other byte.
                let top = word & 0xE0E0_E0E0_E0E0_E0E0
                var below = ~(((top & lows) &+ lows) | top) & highs
                while below != 0 {
                    if let nul = byte(offset + below.trailingZeroBitCount >> 3) { return (nul, controls) }
                    below &= below &- 1
                }
                offset += 8
            }
            for index in offset..<raw.count { if let nul = byte(index) { return (nul, controls) } }
            return (nil, controls)
        }
    }

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
