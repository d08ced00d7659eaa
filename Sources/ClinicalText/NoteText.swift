/// The text of one note, as given: line endings kept, nothing rewritten.
///
/// Spans (``TextRange``) point into ``utf8``. The description never prints the text, so a note
/// cannot leak into a log through string interpolation.
public struct NoteText: Sendable, CustomStringConvertible {
    /// The text's UTF-8 bytes (valid UTF-8); every ``TextRange`` indexes this array.
    public let utf8: [UInt8]

    public init(_ string: String) {
        self.utf8 = Array(string.utf8)
    }

    /// The text of some bytes, kept as they are; nil when they are not valid UTF-8.
    public init?(validating bytes: [UInt8]) {
        guard (try? UTF8Span(validating: bytes.span)) != nil else { return nil }
        self.utf8 = bytes
    }

    /// The note's text as a string (made when asked: the pipeline reads the bytes).
    public var string: String { String(decoding: utf8, as: UTF8.self) }

    /// The text of a span. Spans always fall on scalar boundaries, so this never repairs bytes.
    public subscript(range: TextRange) -> String {
        String(decoding: utf8[Int(range.start)..<Int(range.end)], as: UTF8.self)
    }

    /// The text of a span in lower case, as `self[range].lowercased()` gives it; ASCII text is
    /// lower-cased byte by byte straight into the new string.
    public func lowercased(_ range: TextRange) -> String {
        utf8.withUnsafeBufferPointer { KeyFolding.asciiKey(UnsafeBufferPointer(rebasing: $0[range.bytes])) }
            ?? self[range].lowercased()
    }

    /// True when every byte is ASCII (checked eight bytes at a time).
    public var isASCII: Bool {
        utf8.withUnsafeBytes { raw in
            var offset = 0
            while offset + 8 <= raw.count {
                if raw.loadUnaligned(fromByteOffset: offset, as: UInt64.self) & 0x8080_8080_8080_8080 != 0 { return false }
                offset += 8
            }
            while offset < raw.count {
                if raw[offset] >= 0x80 { return false }
                offset += 1
            }
            return true
        }
    }

    public var description: String { "NoteText(\(utf8.count) bytes)" }
}
