public import ClinicalText

/// Phrases of one lexicon table, matched on token keys (never on raw strings), longest first.
///
/// Built once from the table's rows; each phrase is tokenized by the same ``Tokenizer`` as notes,
/// so "L4–L5" in a note and "l4-l5" in a lexicon meet as the same keys.
public struct PhraseTable<Payload: Sendable>: Sendable {
    private final class Node: @unchecked Sendable {
        var children: [String: Node] = [:]
        var payload: Payload?
    }

    private let root = Node()
    public private(set) var count = 0

    public init() {}

    /// Adds a phrase; a later row with the same phrase replaces the earlier one.
    public mutating func add(_ phrase: String, _ payload: Payload, tokenizer: Tokenizer) {
        let keys = tokenizer.tokens(of: NoteText(phrase)).map(\.key)
        guard !keys.isEmpty else { return }
        var node = root
        for key in keys {
            if let next = node.children[key] {
                node = next
            } else {
                let next = Node()
                node.children[key] = next
                node = next
            }
        }
        if node.payload == nil { count += 1 }
        node.payload = payload
    }

    /// The longest phrase starting at token `start`: its payload and the index after its last token.
    public func longestMatch(in tokens: [Token], at start: Int, limit: Int? = nil) -> (payload: Payload, end: Int)? {
        let end = limit ?? tokens.count
        var node = root
        var best: (Payload, Int)?
        var index = start
        while index < end, let next = node.children[tokens[index].key] {
            node = next
            index += 1
            if let payload = node.payload { best = (payload, index) }
        }
        return best
    }

    /// Every non-overlapping longest match in `tokens[range]`, left to right.
    public func matches(in tokens: [Token], range: Range<Int>) -> [(payload: Payload, tokens: Range<Int>)] {
        var out: [(Payload, Range<Int>)] = []
        var index = range.lowerBound
        while index < range.upperBound {
            if let match = longestMatch(in: tokens, at: index, limit: range.upperBound) {
                out.append((match.payload, index..<match.end))
                index = match.end
            } else {
                index += 1
            }
        }
        return out
    }
}
