import ClinicalText
import NoteFacts

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
        [.eachAdditional, .secondLevel, .thirdAndBeyond, .eachAdditional15Minutes, .eachAdditionalExtremity].contains(self)
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
    let families: Set<ProcedureFamily>
    /// nil: the row applies to the family's default kind only.
    let variants: Set<String>?
    let region: Region?
    let guidance: Set<GuidanceValue>
    let counts: CountMode
    let addOnTo: HCPCSCode?
    let bilateral: BilateralIndicator
    let imaging: ImagingMode

    init(code: HCPCSCode, descriptor: String, families: Set<ProcedureFamily>, variants: Set<String>?, region: Region?,
         guidance: Set<GuidanceValue>, counts: CountMode, addOnTo: HCPCSCode?, bilateral: BilateralIndicator, imaging: ImagingMode) {
        self.code = code
        self.descriptor = descriptor
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

/// One row of `Lexicons/coding/guidance-codes.tsv`.
struct GuidanceCodeRow: Sendable {
    enum Kind: String, Sendable, CaseIterable { case fluoroscopy, ct, ultrasound, emg, stimulation }
    var code: HCPCSCode
    var descriptor: String
    var kind: Kind
    var families: Set<ProcedureFamily>
    var exceptCodes: Set<HCPCSCode>
}

/// One row of `Lexicons/coding/drug-supply.tsv`.
struct DrugSupplyRow: Sendable {
    enum Rule: String, Sendable, CaseIterable { case divide, fill }
    var code: HCPCSCode
    var generic: String
    var unitDose: Double
    var unit: String
    var rule: Rule
    var takesWasteModifiers: Bool
}

/// One row of `Lexicons/coding/flags.tsv`.
struct FlagRule: Sendable {
    var id: FlagID
    var severity: Severity
    /// nil: every family.
    var families: Set<ProcedureFamily>?
    var message: String

    func applies(to family: ProcedureFamily) -> Bool { families?.contains(family) ?? true }
}

/// One row of `Lexicons/coding/diagnosis-support.tsv`.
struct DiagnosisSupport: Sendable {
    var family: ProcedureFamily
    var variant: String?
    var supports: Set<String>
}
