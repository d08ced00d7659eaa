public import NoteFacts

/// The result for one note: its facts (and, once the coder lands, codes and flags), or the error
/// that kept it from being read. Never both.
public struct NoteResult: Sendable {
    public enum Outcome: Sendable {
        case coded(Note, NoteFacts)
        case failed(NoteError)
    }

    public var id: String
    public var outcome: Outcome

    public init(id: String, outcome: Outcome) {
        self.id = id
        self.outcome = outcome
    }
}
