public import NoteFacts
public import ProcedureCoding

/// The result for one note: its facts with the proposed codes and flags, or the error that kept it
/// from being read. Never both.
public struct NoteResult: Sendable {
    public enum Outcome: Sendable {
        case coded(Note, NoteFacts, CodingReport)
        case failed(NoteError)
    }

    public var id: String
    public var outcome: Outcome

    public init(id: String, outcome: Outcome) {
        self.id = id
        self.outcome = outcome
    }
}
