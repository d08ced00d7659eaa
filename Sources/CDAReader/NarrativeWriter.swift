internal import CLibXML2

/// Flattens CDA narrative into lines: a section's title, then its `<text>`; `<paragraph>`, `<br/>`
/// and list items end lines, table cells are separated by tabs, nested sections follow in order.
struct NarrativeWriter {
    private(set) var text = ""

    mutating func section(_ section: xmlNodePtr) {
        if let title = child(section, "title") {
            let heading = collapse(content(of: title))
            if !heading.isEmpty { line(heading) }
        }
        if let narrative = child(section, "text") {
            block(narrative)
            endLine()
        }
        for component in children(section, "component") {
            if let nested = child(component, "section") { self.section(nested) }
        }
        if !text.isEmpty, !text.hasSuffix("\n\n") { text += "\n" }
    }

    /// Text written as it is (the header block).
    mutating func raw(_ value: String) {
        text += value
    }

    /// A `nonXMLBody` text/plain: its characters, decoded from base64 when it says `representation="B64"`.
    mutating func plain(_ node: xmlNodePtr) {
        let body = content(of: node)
        if attribute(node, "representation")?.uppercased() == "B64", let decoded = Base64.decode(body),
           let string = String(validating: decoded, as: UTF8.self) {
            text += string
        } else {
            text += body
        }
    }

    private mutating func block(_ node: xmlNodePtr) {
        var current = node.pointee.children
        while let item = current {
            defer { current = item.pointee.next }
            switch item.pointee.type {
            case XML_TEXT_NODE, XML_CDATA_SECTION_NODE:
                inline(collapse(item.pointee.content.map { String(cString: $0) } ?? "", keepEdges: true))
            case XML_ELEMENT_NODE:
                switch name(of: item) {
                case "br": endLine()
                case "paragraph", "item", "caption", "tr", "list", "table", "thead", "tbody", "tfoot":
                    endLine()
                    block(item)
                    endLine()
                case "td", "th":
                    if !text.isEmpty, !text.hasSuffix("\n"), !text.hasSuffix("\t") { text += "\t" }
                    block(item)
                case "footnote", "footnoteRef", "renderMultiMedia":
                    continue
                default:
                    block(item)  // content, sub, sup, linkHtml …: inline
                }
            default:
                continue
            }
        }
    }

    private mutating func inline(_ piece: String) {
        guard !piece.isEmpty else { return }
        if text.hasSuffix("\n") || text.hasSuffix("\t") || text.isEmpty {
            text += piece.drop { $0 == " " }
        } else {
            text += piece
        }
    }

    private mutating func line(_ value: String) {
        endLine()
        text += value + "\n"
    }

    private mutating func endLine() {
        while text.hasSuffix(" ") { text.removeLast() }
        if !text.isEmpty, !text.hasSuffix("\n") { text += "\n" }
    }

    private func collapse(_ value: String, keepEdges: Bool = false) -> String {
        var out = ""
        var lastWasSpace = false
        for character in value {
            if character.isWhitespace {
                if !lastWasSpace { out += " " }
                lastWasSpace = true
            } else {
                out.append(character)
                lastWasSpace = false
            }
        }
        return keepEdges ? out : out.trimmingCharacters()
    }
}

func content(of node: xmlNodePtr) -> String {
    guard let raw = xmlNodeGetContent(node) else { return "" }
    defer { np_xml_free(raw) }
    return String(cString: raw)
}

extension String {
    func trimmingCharacters() -> String {
        var slice = Substring(self)
        while slice.first == " " { slice = slice.dropFirst() }
        while slice.last == " " { slice = slice.dropLast() }
        return String(slice)
    }
}

func attribute(_ node: xmlNodePtr, _ name: String) -> String? {
    guard let value = xmlGetProp(node, name) else { return nil }
    defer { np_xml_free(value) }
    return String(cString: value)
}

/// Base64 (RFC 4648) with white space ignored.
enum Base64 {
    static func decode(_ text: String) -> [UInt8]? {
        var table = [Int16](repeating: -1, count: 256)
        for (index, byte) in "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8.enumerated() {
            table[Int(byte)] = Int16(index)
        }
        var out: [UInt8] = []
        var buffer: UInt32 = 0
        var bits = 0
        for byte in text.utf8 {
            if byte == UInt8(ascii: "=") { break }
            if byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09 { continue }
            let value = table[Int(byte)]
            guard value >= 0 else { return nil }
            buffer = buffer << 6 | UInt32(value)
            bits += 6
            if bits >= 8 {
                bits -= 8
                out.append(UInt8(truncatingIfNeeded: buffer >> UInt32(bits)))
            }
        }
        return out
    }
}
