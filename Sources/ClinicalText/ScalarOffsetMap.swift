/// Converts UTF-8 byte offsets into Unicode scalar offsets, the unit of the output contract.
///
/// For an ASCII-only text both units agree and the map stores nothing.
public struct ScalarOffsetMap: Sendable {
    /// `scalarIndex[byte]` for every byte offset that starts a scalar, plus the end; empty for ASCII.
    private let scalarIndex: [Int32]

    public init(_ text: NoteText) {
        guard !text.isASCII else {
            scalarIndex = []
            return
        }
        var index = [Int32](repeating: 0, count: text.utf8.count + 1)
        var scalars: Int32 = 0
        for (offset, byte) in text.utf8.enumerated() {
            if byte & 0xC0 == 0x80 {
                index[offset] = scalars - 1  // a continuation byte belongs to the scalar before it
            } else {
                index[offset] = scalars
                scalars += 1
            }
        }
        index[text.utf8.count] = scalars
        scalarIndex = index
    }

    /// The scalar offset of a UTF-8 byte offset that starts a scalar (or the end of the text).
    public func scalarOffset(_ byteOffset: Int32) -> Int {
        scalarIndex.isEmpty ? Int(byteOffset) : Int(scalarIndex[Int(byteOffset)])
    }
}
