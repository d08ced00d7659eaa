public import NoteFacts
public import ProcedureCoding

/// The result for one note: its facts with the proposed codes and flags, or the error that kept it
/// from being read. Never both.
public struct NoteResult: Sendable {
    public enum Outcome: Sendable {
        case coded(Coded)
        case failed(NoteError)
    }

    /// A note that was read and coded: the note, its facts, and the codes and flags proposed for
    /// it. Immutable and shared by reference: the result writer, the batch's frequency count and
    /// the server read it without copying the facts' lists.
    public final class Coded: Sendable {
        public let note: Note
        public let facts: NoteFacts
        public let report: CodingReport

        public init(_ note: Note, _ facts: NoteFacts, _ report: CodingReport) {
            (self.note, self.facts, self.report) = (note, facts, report)
        }
    }

    public var id: String
    public var outcome: Outcome
    /// A salted SHA-256 of the patient's record number (or name and date of birth): the only way a
    /// result names its patient.
    public var patientKey: String?

    public init(id: String, outcome: Outcome, patientKey: String? = nil) {
        self.id = id
        self.outcome = outcome
        self.patientKey = patientKey
    }

    /// True for an error record.
    public var isFailed: Bool {
        if case .failed = outcome { return true }
        return false
    }
}
