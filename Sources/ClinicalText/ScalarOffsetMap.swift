/// Converts UTF-8 byte offsets into Unicode scalar offsets, the unit of the output contract.
///
/// A scalar offset is the byte offset less the continuation bytes before it, and notes are nearly
/// all ASCII: the map keeps only the multi-byte scalars (found eight bytes at a time), so an ASCII
/// text stores nothing and a lookup searches a list as long as the note's non-ASCII characters.
public struct ScalarOffsetMap: Sendable {
    /// Each multi-byte scalar, in text order: the byte offset it starts at, and the continuation
    /// bytes up to and including its own.
    private let wide: [(start: Int32, continuations: Int32)]

    public init(_ text: NoteText) {
        var wide: [(start: Int32, continuations: Int32)] = []
        text.utf8.withUnsafeBytes { raw in
            var continuations: Int32 = 0
            var offset = 0
            while offset < raw.count {
                if offset + 8 <= raw.count, raw.loadUnaligned(fromByteOffset: offset, as: UInt64.self) & 0x8080_8080_8080_8080 == 0 {
                    offset += 8
                    continue
                }
                let byte = raw[offset]
                if byte >= 0xC0 {  // a lead byte: the text is valid UTF-8, so its width says how many follow
                    continuations += byte >= 0xF0 ? 3 : byte >= 0xE0 ? 2 : 1
                    wide.append((Int32(offset), continuations))
                }
                offset += 1
            }
        }
        self.wide = wide
    }

    /// The scalar offset of a UTF-8 byte offset that starts a scalar (or the end of the text).
    public func scalarOffset(_ byteOffset: Int32) -> Int {
        // The last multi-byte scalar starting before the offset holds the continuations before it.
        var low = 0, high = wide.count
        while low < high {
            let middle = (low + high) / 2
            if wide[middle].start < byteOffset { low = middle + 1 } else { high = middle }
        }
        return Int(byteOffset) - (low == 0 ? 0 : Int(wide[low - 1].continuations))
    }
}
