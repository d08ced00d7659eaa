public import ClinicalText
public import NoteTagging

/// Everything Needlepoint read in one note, each fact with the spans that justify it.
public struct NoteFacts: Sendable {
    public var procedures: [ProcedureFact] = []
    public var contrast = ContrastFact()
    public var pain = PainFacts()
    /// Injected drugs that have a supply code (corticosteroids, botulinum toxins).
    public var drugs: [DrugFact] = []
    /// Other injected drugs (local anesthetics, neurolytic agents, saline…), for evidence and the coder.
    public var otherDrugs: [DrugFact] = []
    public var diagnoses: [DiagnosisFact] = []
    public var documentation = DocumentationFacts()
    public var encounter = EncounterFacts()

    public init() {}
}

/// One procedure done today.
public struct ProcedureFact: Sendable, Equatable {
    public var family: ProcedureFamily
    public var region: Region?
    /// Head to toe, no duplicates.
    public var levels: [SpinalSegment]
    /// Levels per side when the note names them per side; both sides' levels for a bilateral
    /// procedure. Empty when no side is tied to a level.
    public var levelsBySide: LevelsBySide
    public var laterality: Side?
    public var guidance: GuidanceKind?
    /// Nerve or site of a nerve block or of an `other` procedure.
    public var target: String?
    /// True for a caudal epidural.
    public var isCaudal: Bool
    /// Muscles injected or needled (trigger points, dry needling, chemodenervation), with their sides.
    public var muscles: [MuscleMention] = []
    /// EMG or electrical-stimulation guidance (chemodenervation), or electrical stimulation (acupuncture).
    public var electricalGuidance: Set<ElectricalGuidance> = []
    /// Where the note contradicts itself about this procedure (heading against description).
    public var conflicts: [Conflict] = []
    /// The spans that name the procedure, its levels, sides and guidance.
    public var evidence: [TextRange]
    /// The spans that name its guidance (for separately reportable guidance codes).
    public var guidanceEvidence: [TextRange] = []
}

/// A procedure's levels on its left and on its right (plain lists: no table for two keys).
public struct LevelsBySide: Sendable, Equatable {
    public var left: [SpinalSegment] = []
    public var right: [SpinalSegment] = []

    public init() {}

    /// The levels on one side, `.left` or `.right` (a bilateral procedure lists its levels on both).
    public subscript(side: Side) -> [SpinalSegment] {
        get { side == .right ? right : left }
        // In place (`bySide[.left] += levels` appends to the stored list; a setter would copy it first).
        _modify {
            precondition(side != .bilateral, "levels are listed per side, left or right")
            if side == .right { yield &right } else { yield &left }
        }
    }

    /// Each side's levels sorted, without repeats.
    mutating func normalize() {
        left = left.normalized()
        right = right.normalized()
    }

    /// Each side keeps only the levels `keep` accepts.
    mutating func filter(_ keep: (SpinalSegment) -> Bool) {
        left = left.filter(keep)
        right = right.filter(keep)
    }
}

/// A contradiction between a procedure's heading and its description.
public struct Conflict: Sendable, Equatable {
    public enum Kind: String, Sendable { case side, level }
    public var kind: Kind
    public var evidence: [TextRange]
}

/// Contrast and the views of the final needle position.
public struct ContrastFact: Sendable, Equatable {
    public var documented = false
    /// Generic name in lower case; nil when only "contrast" or "dye" is said.
    public var agent: String?
    /// The note says contrast was withheld for a reason (allergy, contraindication).
    public var withheld = false
    /// Distinct views of the final needle position.
    public var views: [NeedleView] = []
    public var evidence: [TextRange] = []
    public var viewEvidence: [TextRange] = []

    public var needleViews: Int { views.count }
}

/// Pain scores before and after the procedure (0–10).
public struct PainFacts: Sendable, Equatable {
    public var scale: PainScale?
    public var pre: Double?
    public var post: Double?
    public var preEvidence: [TextRange] = []
    public var postEvidence: [TextRange] = []
}

/// A drug given today with its total dose.
public struct DrugFact: Sendable, Equatable {
    /// Generic name in lower case, as the contract spells it.
    public var name: String
    public var drugClass: DrugClass
    public var dose: Double?
    /// "mg" or "units"; nil when no dose is documented.
    public var unit: String?
    /// Botulinum toxin documented as discarded, in units (0 for "no wastage").
    public var discarded: Double?
    public var evidence: [TextRange]
}

/// A diagnosis: an ICD-10 code written in the note and/or a phrase, with its indication category.
public struct DiagnosisFact: Sendable, Equatable {
    public var code: String?
    public var text: String
    public var category: DiagnosisCategory?
    public var evidence: [TextRange]
}

/// Documentation elements the coder checks.
public struct DocumentationFacts: Sendable, Equatable {
    /// Labels with a patient name or identifier (name, MRN, date of birth).
    public var patientIdentification: [TextRange] = []
    /// Signatures and attestations.
    public var signature: [TextRange] = []
    /// Conservative care tried before the procedure.
    public var conservativeCare: [TextRange] = []
    /// The note says conservative care failed.
    public var conservativeCareFailed = false
    /// The longest duration of conservative care stated, in weeks.
    public var conservativeCareWeeks: Double?
    /// Procedure or face-to-face time, in minutes.
    public var minutes: Double?
    /// Needle retention time, in minutes (not coded time).
    public var retentionMinutes: Double?
    public var timeEvidence: [TextRange] = []
}
