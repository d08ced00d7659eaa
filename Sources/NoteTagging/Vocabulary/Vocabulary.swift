public import ClinicalText

/// Closed vocabularies of the tagger. Raw values are the strings used in `Lexicons/` (and, where
/// the contract has the same notion, the contract's strings).

/// A side of the body.
public enum Side: String, Sendable, CaseIterable, CaseHashable {
    case left, right, bilateral
}

/// Image guidance for needle placement; `none` means the note says no imaging was used.
public enum GuidanceKind: String, Sendable, CaseIterable, CaseHashable {
    case fluoroscopy, ct, ultrasound, none
}

/// A spinal region word.
public enum RegionWord: String, Sendable, CaseIterable, CaseHashable {
    case cervical, thoracic, lumbar, sacral
}

/// What a procedure cue names. `epidural` and `facet` are generic and resolved by NoteFacts.
public enum ProcedureCueFamily: String, Sendable, CaseIterable, CaseHashable {
    case epidural
    case epiduralInterlaminar = "epidural-interlaminar"
    case epiduralCaudal = "epidural-caudal"
    case epiduralTransforaminal = "epidural-transforaminal"
    case facet
    case facetJoint = "facet-joint"
    case medialBranchBlock = "medial-branch-block"
    case facetRFA = "facet-rfa"
    case sacroiliacJoint = "sacroiliac-joint"
    case nerveBlock = "nerve-block"
    case triggerPoint = "trigger-point"
    case acupuncture
    case dryNeedling = "dry-needling"
    case chemodenervation
    case other
}

/// What a spinal level next to it names.
public enum LevelReading: String, Sendable, CaseIterable, CaseHashable {
    case root
    case medialBranch = "medial-branch"
    case dorsalRamus = "dorsal-ramus"
    case joint, interspace, foramen
    /// Ordinals before a rib or intercostal word name thoracic segments.
    case rib
}

/// A fluoroscopic view of the final needle position.
public enum NeedleView: String, Sendable, CaseIterable, CaseHashable, Comparable {
    case ap, lateral, oblique
    case contralateralOblique = "contralateral-oblique"

    public static func < (lhs: NeedleView, rhs: NeedleView) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}

/// The class of a drug.
public enum DrugClass: String, Sendable, CaseIterable, CaseHashable {
    case corticosteroid
    case botulinumToxin = "botulinum-toxin"
    case localAnesthetic = "local-anesthetic"
    case neurolytic
    case other
}

/// What a word near a dose says about it.
public enum DoseRole: String, Sendable, CaseIterable, CaseHashable {
    case injected, total, discarded
    case noWaste = "no-waste"
    case reconstituted
    case perSite = "per-site"
    case oral
}

/// Pain-score vocabulary roles.
public enum PainRole: String, Sendable, CaseIterable, CaseHashable {
    case vas, nrs, pain, pre, post, arrow
}

/// The category of indication a diagnosis shows.
public enum DiagnosisCategory: String, Sendable, CaseIterable, CaseHashable {
    case radiculopathy, stenosis, spondylosis, spondylolisthesis
    case facetArthropathy = "facet-arthropathy"
    case axialPain = "axial-pain"
    case chronicLowBackPain = "chronic-low-back-pain"
    case disc, sacroiliitis
    case neckPain = "neck-pain"
    case chronicMigraine = "chronic-migraine"
    case migraine, headache
    case occipitalNeuralgia = "occipital-neuralgia"
    case dystonia, spasticity, myofascial, neuropathy, crps
    case postLaminectomy = "post-laminectomy"
    case fracture
    case jointPain = "joint-pain"
    case hyperhidrosis, sialorrhea, other
}

/// Electrical guidance of a chemodenervation, or electrical stimulation of acupuncture needles.
public enum ElectricalGuidance: String, Sendable, CaseIterable, CaseHashable {
    case emg, stimulation
}

/// Where a muscle is (chemodenervation sites, trigger-point anatomic sites).
public enum MuscleSite: String, Sendable, CaseIterable, CaseHashable {
    case head, neck, larynx
    case upperBack = "upper-back"
    case lowerBack = "lower-back"
    case buttock
    case trunkFront = "trunk-front"
    case upperLimb = "upper-limb"
    case lowerLimb = "lower-limb"

    public var isLimb: Bool { self == .upperLimb || self == .lowerLimb }
    public var isTrunk: Bool { [.upperBack, .lowerBack, .trunkFront, .buttock].contains(self) }
}

/// Documentation elements the coder checks.
public enum DocumentationElement: String, Sendable, CaseIterable, CaseHashable {
    case conservativeCare = "conservative-care"
    case careFailed = "care-failed"
    case patientIdentity = "patient-identity"
    case signature
    case time
    case faceToFace = "face-to-face"
    case retention
    case serviceDate = "service-date"
    case provider
}

/// What a patient-identity label introduces (`identifies` in `Lexicons/documentation/documentation.tsv`).
public enum PatientIdentifier: String, Sendable, CaseIterable, CaseHashable {
    case name, record
    case birthDate = "birth-date"
}

/// ConText categories of `Lexicons/context/triggers.tsv`.
public enum TriggerCategory: String, Sendable, CaseIterable, CaseHashable {
    case negated, historical, hypothetical
    case otherExperiencer = "other-experiencer"
    case possible, pseudo, terminate
    /// Asserts nothing; ends the scope of historical triggers only ("recent", "currently").
    case current
    /// A habit or long-standing state ("drug use", "smokes", "chronically"): historical, for the
    /// mentions in its scope and for a mention it stands in (habits are reported as history).
    case habit
}

/// A set of ConText categories, one bit each: a trigger's categories are read for every mention
/// in its sentence, so they are a plain value rather than an array.
public struct TriggerCategories: Sendable, Hashable, ExpressibleByArrayLiteral {
    private var bits: UInt16 = 0

    public init(_ categories: some Sequence<TriggerCategory>) {
        for category in categories { bits |= Self.bit(category) }
    }

    public init(arrayLiteral categories: TriggerCategory...) { self.init(categories) }

    public func contains(_ category: TriggerCategory) -> Bool { bits & Self.bit(category) != 0 }

    private static func bit(_ category: TriggerCategory) -> UInt16 {
        switch category {
        case .negated: 1 << 0
        case .historical: 1 << 1
        case .hypothetical: 1 << 2
        case .otherExperiencer: 1 << 3
        case .possible: 1 << 4
        case .pseudo: 1 << 5
        case .terminate: 1 << 6
        case .current: 1 << 7
        case .habit: 1 << 8
        }
    }
}

/// Which way a trigger's scope runs.
public enum TriggerDirection: String, Sendable, CaseIterable, CaseHashable {
    case forward, backward, both
}
