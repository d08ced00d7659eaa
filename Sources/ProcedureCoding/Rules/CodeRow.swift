import ClinicalText
import NoteFacts
import NoteTagging

/// How a code's units are counted; each mode is implemented once, by the coder.
enum CountMode: String, Sendable, CaseIterable, CaseHashable {
    case perSession = "per-session"
    case perSide = "per-side"
    case firstLevel = "first-level"
    case eachAdditional = "each-additional"
    case secondLevel = "second-level"
    case thirdAndBeyond = "third-and-beyond"
    case first15Minutes = "first-15-minutes"
    case eachAdditional15Minutes = "each-additional-15-minutes"
    case eachAdditionalExtremity = "each-additional-extremity"

    var isAddOn: Bool {
        switch self {
        case .eachAdditional, .secondLevel, .thirdAndBeyond, .eachAdditional15Minutes, .eachAdditionalExtremity: true
        case .perSession, .perSide, .firstLevel, .first15Minutes: false
        }
    }
}

/// The guidance values a code row applies to (`unknown`: not documented; `any`: whatever).
enum GuidanceValue: String, Sendable, CaseIterable, CaseHashable {
    case fluoroscopy, ct, ultrasound, none, unknown, any
}

/// The Medicare bilateral-surgery indicator.
enum BilateralIndicator: String, Sendable, CaseIterable, CaseHashable {
    case none = "0", sided = "1", bilateralByDescriptor = "2", notApplicable = "9"

    var takesSideModifiers: Bool { self == .sided }
}

/// Whether image guidance is part of the code or separately reportable.
enum ImagingMode: String, Sendable, CaseIterable, CaseHashable {
    case included, separate, none
}

/// One row of `Lexicons/coding/codes.tsv`. A class: the coder filters and sorts rows many times
/// per note, and sharing a row costs one reference where copying it would copy all its sets.
final class CodeRow: Sendable {
    let code: HCPCSCode
    let descriptor: String
    /// The descriptor with its first letter upper case, as a code line's explanation starts.
    let sentenceStart: String
    let families: CaseSet<ProcedureFamily>
    /// nil: the row applies to the family's default kind only.
    let variants: [String]?
    let region: Region?
    let guidance: CaseSet<GuidanceValue>
    let counts: CountMode
    let addOnTo: HCPCSCode?
    let bilateral: BilateralIndicator
    let imaging: ImagingMode

    init(code: HCPCSCode, descriptor: String, families: CaseSet<ProcedureFamily>, variants: [String]?, region: Region?,
         guidance: CaseSet<GuidanceValue>, counts: CountMode, addOnTo: HCPCSCode?, bilateral: BilateralIndicator, imaging: ImagingMode) {
        self.code = code
        self.descriptor = descriptor
        sentenceStart = descriptor.capitalizedFirst
        self.families = families
        self.variants = variants
        self.region = region
        self.guidance = guidance
        self.counts = counts
        self.addOnTo = addOnTo
        self.bilateral = bilateral
        self.imaging = imaging
    }

    func applies(to guidance: GuidanceValue) -> Bool {
        self.guidance.contains(.any) || self.guidance.contains(guidance)
    }
}

// The other rule rows are classes too, for the same reason: checks and coders filter them per note.

/// One row of `Lexicons/coding/guidance-codes.tsv`.
final class GuidanceCodeRow: Sendable {
    enum Kind: String, Sendable, CaseIterable { case fluoroscopy, ct, ultrasound, emg, stimulation }
    let code: HCPCSCode
    let descriptor: String
    /// The descriptor with its first letter upper case, as a code line's explanation starts.
    let sentenceStart: String
    let kind: Kind
    let families: CaseSet<ProcedureFamily>
    let exceptCodes: Set<HCPCSCode>

    init(code: HCPCSCode, descriptor: String, kind: Kind, families: CaseSet<ProcedureFamily>, exceptCodes: Set<HCPCSCode>) {
        (self.code, self.descriptor, self.kind, self.families, self.exceptCodes) = (code, descriptor, kind, families, exceptCodes)
        sentenceStart = descriptor.capitalizedFirst
    }
}

/// One row of `Lexicons/coding/drug-supply.tsv`.
final class DrugSupplyRow: Sendable {
    enum Rule: String, Sendable, CaseIterable { case divide, fill }
    let code: HCPCSCode
    let generic: String
    let unitDose: Double
    let unit: String
    let rule: Rule
    let takesWasteModifiers: Bool

    init(code: HCPCSCode, generic: String, unitDose: Double, unit: String, rule: Rule, takesWasteModifiers: Bool) {
        (self.code, self.generic, self.unitDose, self.unit, self.rule, self.takesWasteModifiers) =
            (code, generic, unitDose, unit, rule, takesWasteModifiers)
    }
}

/// One row of `Lexicons/coding/flags.tsv`.
final class FlagRule: Sendable {
    let id: FlagID
    let severity: Severity
    /// nil: every family.
    let families: CaseSet<ProcedureFamily>?
    let message: String

    init(id: FlagID, severity: Severity, families: CaseSet<ProcedureFamily>?, message: String) {
        (self.id, self.severity, self.families, self.message) = (id, severity, families, message)
    }

    func applies(to family: ProcedureFamily) -> Bool { families?.contains(family) ?? true }
}

/// One row of `Lexicons/coding/diagnosis-support.tsv`.
final class DiagnosisSupport: Sendable {
    let family: ProcedureFamily
    let variant: String?
    let supports: CaseSet<DiagnosisCategory>

    init(family: ProcedureFamily, variant: String?, supports: CaseSet<DiagnosisCategory>) {
        (self.family, self.variant, self.supports) = (family, variant, supports)
    }
}
