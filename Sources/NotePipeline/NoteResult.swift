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
