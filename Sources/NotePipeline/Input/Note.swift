public import ClinicalText

/// One note to code: its id (file name, JSON Lines id, or "stdin") and its text.
public struct Note: Sendable, CustomStringConvertible {
    public var id: String
    public var text: NoteText

    public init(id: String, text: String) {
        self.init(id: id, text: NoteText(text))
    }

    public init(id: String, text: NoteText) {
        self.id = id
        self.text = text
    }

    public var description: String { "Note(\(id), \(text))" }
}

/// Why a note could not be read. Messages name the reason and positions, never note text.
public struct NoteError: Error, Sendable, Equatable, CustomStringConvertible {
    public enum Kind: String, Sendable, CaseIterable {
        case empty
        case binary
        case invalidUTF8 = "invalid-utf8"
        case tooLarge = "too-large"
        case unreadable
        case xmlMalformed = "xml-malformed"
        case xmlDoctype = "xml-doctype"
        case notCDA = "not-cda"
    }

    public var kind: Kind
    public var message: String

    public init(_ kind: Kind, _ message: String) {
        self.kind = kind
        self.message = message
    }

    public var description: String { "\(kind.rawValue): \(message)" }
}
