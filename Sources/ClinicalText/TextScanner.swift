/// Reads the scalars of valid UTF-8 text (a ``NoteText``'s bytes) where they stand: ASCII
/// classified by table lookup, other scalars decoded from their bytes and classified by their
/// Unicode properties.
struct TextScanner {
    let bytes: UnsafeBufferPointer<UInt8>
    /// ``ScalarClass/ascii``.
    let ascii: UnsafeBufferPointer<ScalarClass>
    /// ``ScalarClass/wordBytes``.
    let wordBytes: UnsafeBufferPointer<UInt16>

    struct Scalar {
        var value: UInt32
        var kind: ScalarClass
        /// Its length in bytes.
        var width: Int

        var isArrowPart: Bool { kind == .dash || value == 0x3E || value == 0x3D }  // "-", ">", "="
    }

    @inline(__always)
    func scalar(at offset: Int) -> Scalar {
        let byte = bytes[offset]
        if byte < 0x80 { return Scalar(value: UInt32(byte), kind: ascii[Int(byte)], width: 1) }
        let width = byte >= 0xF0 ? 4 : byte >= 0xE0 ? 3 : 2
        let end = min(offset + width, bytes.count)
        var value = UInt32(byte) & (width == 2 ? 0x1F : width == 3 ? 0x0F : 0x07)
        for index in (offset + 1)..<end { value = value << 6 | UInt32(bytes[index] & 0x3F) }
        let scalar = Unicode.Scalar(value) ?? "\u{FFFD}"
        return Scalar(value: scalar.value, kind: ScalarClass(scalar), width: end - offset)
    }
}
