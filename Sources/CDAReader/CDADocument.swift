internal import CLibXML2

/// Reads an HL7 CDA document (root `ClinicalDocument` in `urn:hl7-org:v3`) into note text: the
/// section titles and narrative of the structured body in document order, each title on its own
/// line, paragraphs and list items as lines, table cells separated by tabs, or the text of a
/// `nonXMLBody` of type text/plain.
///
/// Parsing is safe by construction: no network, no DTD loading, no entity substitution, an
/// external-entity loader that loads nothing, and any document with a DOCTYPE is refused before
/// its text is read.
public enum CDADocument {
    /// True when the bytes look like XML (first non-blank character `<`), so they go to this reader.
    public static func looksLikeXML(_ bytes: [UInt8]) -> Bool {
        var body = bytes[...]
        if body.starts(with: [0xEF, 0xBB, 0xBF]) { body = body.dropFirst(3) }
        return body.first { $0 != 0x20 && $0 != 0x09 && $0 != 0x0A && $0 != 0x0D } == UInt8(ascii: "<")
    }

    private static let setUp: Void = np_xml_install_safe_loader()

    /// The note text of a CDA document: a short header block (patient, date of service, author,
    /// legal authenticator — the header counts as documentation) and then the narrative.
    public static func text(of bytes: [UInt8]) throws(CDAReadError) -> String {
        _ = setUp
        // A DOCTYPE (DTDs, entity declarations: XXE, billion laughs, quadratic blow-up) is refused
        // before the parser sees it.
        if containsDoctype(bytes) { throw .doctype }
        let options = Int32(XML_PARSE_NONET.rawValue | XML_PARSE_NOERROR.rawValue | XML_PARSE_NOWARNING.rawValue
                            | XML_PARSE_NOCDATA.rawValue)
        let document: xmlDocPtr? = bytes.withUnsafeBufferPointer { buffer in
            buffer.baseAddress!.withMemoryRebound(to: CChar.self, capacity: buffer.count) { pointer in
                xmlReadMemory(pointer, Int32(buffer.count), nil, nil, options)
            }
        }
        guard let document else { throw .malformed }
        defer { xmlFreeDoc(document) }
        if document.pointee.intSubset != nil { throw .doctype }
        guard let root = xmlDocGetRootElement(document), name(of: root) == "ClinicalDocument",
              namespace(of: root) == "urn:hl7-org:v3" else { throw .notCDA }
        var writer = NarrativeWriter()
        let header = CDAHeader(root: root).lines
        if !header.isEmpty { writer.raw(header.joined(separator: "\n") + "\n\n") }
        if let body = child(root, "component").flatMap({ child($0, "structuredBody") }) {
            for component in children(body, "component") {
                if let section = child(component, "section") { writer.section(section) }
            }
        } else if let body = child(root, "component").flatMap({ child($0, "nonXMLBody") }),
                  let text = child(body, "text") {
            writer.plain(text)
        }
        let text = writer.text.trimmingTrailingNewlines()
        guard !text.isEmpty else { throw .noNarrative }
        return text
    }
}

/// True when "<!DOCTYPE" stands in the document (searched before the parser runs).
func containsDoctype(_ bytes: [UInt8]) -> Bool {
    let needle = Array("<!DOCTYPE".utf8)
    guard bytes.count >= needle.count else { return false }
    var index = 0
    let last = bytes.count - needle.count
    while index <= last {
        if bytes[index] == 0x3C, bytes[index + 1] == 0x21, Array(bytes[index..<index + needle.count]) == needle { return true }
        index += 1
    }
    return false
}

/// Why a CDA document could not be read. Messages name the reason, never document content.
public enum CDAReadError: Error, Sendable, Equatable {
    case malformed, doctype, notCDA, noNarrative

    /// The contract's error kind.
    public var kind: String {
        switch self {
        case .malformed: "xml-malformed"
        case .doctype: "xml-doctype"
        case .notCDA: "not-cda"
        case .noNarrative: "empty"
        }
    }

    public var reason: String {
        switch self {
        case .malformed: "the XML is not well-formed (or is too deep or too large to read safely)"
        case .doctype: "the XML has a DOCTYPE; documents with DTDs or entity declarations are refused"
        case .notCDA: "the XML is not an HL7 CDA document (root ClinicalDocument in urn:hl7-org:v3)"
        case .noNarrative: "the CDA document has no narrative text"
        }
    }
}

// MARK: - Tree helpers

func name(of node: xmlNodePtr) -> String {
    node.pointee.name.map { String(cString: $0) } ?? ""
}

func namespace(of node: xmlNodePtr) -> String? {
    node.pointee.ns?.pointee.href.map { String(cString: $0) }
}

func elements(of node: xmlNodePtr) -> [xmlNodePtr] {
    var out: [xmlNodePtr] = []
    var current = node.pointee.children
    while let child = current {
        if child.pointee.type == XML_ELEMENT_NODE { out.append(child) }
        current = child.pointee.next
    }
    return out
}

func child(_ node: xmlNodePtr, _ elementName: String) -> xmlNodePtr? {
    elements(of: node).first { name(of: $0) == elementName }
}

func children(_ node: xmlNodePtr, _ elementName: String) -> [xmlNodePtr] {
    elements(of: node).filter { name(of: $0) == elementName }
}

extension String {
    func trimmingTrailingNewlines() -> String {
        var copy = self
        while let last = copy.last, last.isNewline || last == " " { copy.removeLast() }
        return copy
    }
}
