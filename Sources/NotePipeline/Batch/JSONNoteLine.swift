/// Reads a JSON Lines note (`{"id": "…", "text": "…"}`) straight from its bytes: the two string
/// members, any other member skipped. Nil when the line is anything it does not fully understand
/// (then the caller reads the whole line as a ``JSONValue``), so it is only ever a faster path,
/// never a different reading, except that a text which is not UTF-8 is handed on for
/// ``NoteDecoder`` to refuse with the offset of its first bad byte. The text comes back as its
/// unescaped bytes, without a `String` in between.
enum JSONNoteLine {
    static func parse(_ line: [UInt8]) -> (id: String?, text: [UInt8]?)? {
        line.withUnsafeBufferPointer { parse(JSONReader(bytes: $0)) }
    }

    private static func parse(_ start: JSONReader) -> (id: String?, text: [UInt8]?)? {
        var reader = start
        reader.skipSpace()
        guard reader.take(UInt8(ascii: "{")) else { return nil }
        var id: String?, text: [UInt8]?
        reader.skipSpace()
        if reader.take(UInt8(ascii: "}")) { return reader.atEndAfterSpace() ? (nil, nil) : nil }
        while true {
            reader.skipSpace()
            guard let key = reader.string() else { return nil }
            reader.skipSpace()
            guard reader.take(UInt8(ascii: ":")) else { return nil }
            reader.skipSpace()
            let isID = key.elementsEqual("id".utf8), isText = key.elementsEqual("text".utf8)
            if isID || isText {
                let value: [UInt8]?
                if reader.peek == UInt8(ascii: "\"") {
                    // The text is checked as UTF-8 once, by the note decoder, which names a bad byte's offset.
                    guard let string = isText ? reader.uncheckedString() : reader.string() else { return nil }
                    value = string
                } else if reader.takeWord("null") {
                    value = nil
                } else {
                    return nil  // a number or object id: let the full decoder judge
                }
                if isID { id = value.map { String(decoding: $0, as: UTF8.self) } } else { text = value }
            } else {
                guard reader.skipValue() else { return nil }
            }
            reader.skipSpace()
            if reader.take(UInt8(ascii: ",")) { continue }
            guard reader.take(UInt8(ascii: "}")) else { return nil }
            return reader.atEndAfterSpace() ? (id, text) : nil
        }
    }
}
