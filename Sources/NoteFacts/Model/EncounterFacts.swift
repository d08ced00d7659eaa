public import ClinicalText

/// Who the note is about, when, and who performed it: what a batch needs to count sessions per
/// patient and a review needs to group notes by provider. The patient's name and record number
/// are protected health information: they are kept as spans for hashing, never written as text.
public struct EncounterFacts: Sendable, Equatable {
    public var patientName: TextRange?
    public var recordNumber: TextRange?
    public var birthDate: ClinicalDate?
    public var serviceDate: ClinicalDate?
    /// The performing or signing provider, as written ("Anselm Ruiz-Takahashi, MD").
    public var provider: String?

    public init() {}
}
