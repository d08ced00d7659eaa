/// Text with spans marked inline as ⟦…⟧, for tests that check where something was found:
/// `MarkedText("Right ⟦L4-5⟧ TFESI")` has text "Right L4-5 TFESI" and one range (UTF-8 offsets).
public struct MarkedText {
    public let text: String
    /// The marked spans, in UTF-8 offsets of ``text``.
    public let ranges: [Range<Int>]

    public init(_ marked: String) {
        var text = ""
        var ranges: [Range<Int>] = []
        var start: Int?
        for character in marked {
            switch character {
            case "⟦": start = text.utf8.count
            case "⟧": if let open = start { ranges.append(open..<text.utf8.count); start = nil }
            default: text.append(character)
            }
        }
        self.text = text
        self.ranges = ranges
    }
}
