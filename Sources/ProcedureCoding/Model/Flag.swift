public import ClinicalText

/// The contract's flag identifiers (`../shared/contract/flags.tsv`), in its order.
public enum FlagID: String, Sendable, CaseIterable, CaseHashable, Comparable {
    case missingPatientIdentification = "missing-patient-identification"
    case missingSignature = "missing-signature"
    case missingDiagnosis = "missing-diagnosis"
    case missingLevel = "missing-level"
    case missingLaterality = "missing-laterality"
    case missingGuidance = "missing-guidance"
    case missingContrast = "missing-contrast"
    case missingNeedleViews = "missing-needle-views"
    case missingPrePainScore = "missing-pre-pain-score"
    case missingPostPainScore = "missing-post-pain-score"
    case missingConservativeCare = "missing-conservative-care"
    case missingDrugDose = "missing-drug-dose"
    case missingTime = "missing-time"
    case missingBotoxWastage = "missing-botox-wastage"
    case diagnosisNotSupporting = "diagnosis-not-supporting"
    case ultrasoundGuidanceNotCovered = "ultrasound-guidance-not-covered"
    case imagingRequired = "imaging-required"
    case levelLimitExceeded = "level-limit-exceeded"
    case neurolyticAgent = "neurolytic-agent"
    case conflictingDocumentation = "conflicting-documentation"
    case acupunctureIndicationNotCovered = "acupuncture-indication-not-covered"
    case frequencyLimitExceeded = "frequency-limit-exceeded"

    /// Declaration order (the contract's order of flags): the cases' ordinals, no `allCases` array per comparison.
    public static func < (lhs: FlagID, rhs: FlagID) -> Bool { lhs.caseOrdinal < rhs.caseOrdinal }
}

public enum Severity: String, Sendable, CaseIterable, CaseHashable {
    case error, warning, info
}

/// A documentation flag: what is missing or does not support the codes, for which codes, and the
/// spans that show it (or, for something missing, the spans of the procedure it concerns).
public struct Flag: Sendable, Equatable {
    public let id: FlagID
    public let severity: Severity
    public let message: String
    public let codes: [HCPCSCode]
    public let evidence: [TextRange]
}

/// What the coder proposes for one note.
public struct CodingReport: Sendable, Equatable {
    public let codes: [CodeLine]
    public let flags: [Flag]

    public static let empty = CodingReport(codes: [], flags: [])
}
