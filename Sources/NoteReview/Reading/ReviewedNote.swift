public import ProcedureCoding

/// What the review needs from one result line of a batch: a coded note's provider, date, patient
/// key, procedures, code lines, flags and pain scores — or why the note could not be read.
public enum ReviewedNote: Sendable, Equatable {
    case coded(CodedNote)
    /// An error record (`{"id", "error": {"kind", "message"}}`), or a line that is not a result at all.
    case unreadable(id: String, kind: String)

    public var id: String {
        switch self {
        case .coded(let note): note.id
        case .unreadable(let id, _): id
        }
    }
}

/// A note the batch could code.
public struct CodedNote: Sendable, Equatable {
    public var id: String
    /// The performing or signing provider as written, nil when the note names none.
    public var provider: String?
    /// `YYYY-MM-DD`, nil when the note has no date of service.
    public var serviceDate: String?
    /// The salted hash of the patient's identifiers; never the identifiers themselves.
    public var patientKey: String?
    /// The contract family of each procedure, in note order (repeats kept).
    public var families: [String]
    public var codes: [ReviewedCode]
    public var flags: [ReviewedFlag]
    public var painBefore: Double?
    public var painAfter: Double?
    /// Where the first procedure is documented (scalar offsets), for an excerpt when no flag has evidence.
    public var procedureEvidence: EvidenceSpan?

    public init(id: String) {
        self.id = id
        families = []
        codes = []
        flags = []
    }

    /// Error- and warning-severity flags: the documentation gaps that put codes at risk.
    public var gaps: [ReviewedFlag] { flags.filter { $0.severity != .info } }

    /// Codes proposed and no error or warning flag: the documentation supports every code line.
    public var isFullySupported: Bool { !codes.isEmpty && gaps.isEmpty }

    /// Post minus pre, in scale points, when both scores are documented on the 0–10 scale.
    public var painChange: Double? {
        guard let painBefore, let painAfter, (0...10).contains(painBefore), (0...10).contains(painAfter) else { return nil }
        return painAfter - painBefore
    }
}

/// A code line as a reviewer reads it: `64483-50 ×1`.
public struct ReviewedCode: Sendable, Equatable {
    public var code: String
    public var modifiers: [String]
    public var units: Double

    public var label: String { name + " ×" + unitsText }

    /// The same in ASCII for spreadsheets: `64483-50 x1`.
    public var plainLabel: String { name + " x" + unitsText }

    private var name: String { ([code] + modifiers).joined(separator: "-") }
    private var unitsText: String { units == units.rounded() && abs(units) < 1e15 ? String(Int(units)) : String(units) }
}

/// A flag raised on a note, with the first span of its evidence.
public struct ReviewedFlag: Sendable, Equatable {
    public var id: String
    public var severity: Severity
    public var evidence: EvidenceSpan?

    public init(id: String, severity: Severity, evidence: EvidenceSpan? = nil) {
        self.id = id
        self.severity = severity
        self.evidence = evidence
    }
}

/// A half-open range of Unicode scalar offsets into the note text, as in the contract.
public struct EvidenceSpan: Sendable, Equatable {
    public var start: Int
    public var end: Int
}
