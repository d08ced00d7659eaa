import ClinicalText
public import LexiconKit
import NoteFacts
import NoteTagging

/// Everything the coder knows, read from `Lexicons/coding/`: the code table, separately reportable
/// guidance, drug supply codes, flag rules, level limits and diagnosis support. Immutable; load
/// once. Shared by reference, like the tagging lexicons: the coder and the checks that hold it
/// do not copy its tables.
public final class CodingRules: Sendable {
    let codes: [CodeRow]
    /// The code rows of each family, in table order (``codes`` indexed once).
    let codesByFamily: CaseMap<ProcedureFamily, [CodeRow]>
    let guidanceCodes: [GuidanceCodeRow]
    let drugSupply: [DrugSupplyRow]
    let flags: CaseMap<FlagID, FlagRule>
    let levelLimits: CaseMap<ProcedureFamily, Int>
    let diagnosisSupport: [DiagnosisSupport]

    public static let tablePaths = [
        "coding/codes.tsv", "coding/guidance-codes.tsv", "coding/drug-supply.tsv", "coding/flags.tsv",
        "coding/policy-limits.tsv", "coding/diagnosis-support.tsv", "coding/frequency-limits.tsv",
    ]

    /// Every code the tables can propose.
    public var knownCodes: Set<String> {
        Set(codes.map(\.code.rawValue) + guidanceCodes.map(\.code.rawValue) + drugSupply.map(\.code.rawValue))
    }

    public init(source: LexiconSource = .embedded) throws(LexiconError) {
        func code(_ row: TSVTable.Row, _ column: String) throws(LexiconError) -> HCPCSCode {
            let raw = try row.text(column)
            guard let code = HCPCSCode(raw) else { throw row.error(column: column, "`\(raw)` is not a five-character code") }
            return code
        }
        func families(_ row: TSVTable.Row, _ column: String) throws(LexiconError) -> CaseSet<ProcedureFamily>? {
            if try row.list(column) == ["all"] { return nil }
            return CaseSet(try row.values(column, as: ProcedureFamily.self))
        }
        var codes: [CodeRow] = []
        for row in try source.table("coding/codes.tsv").rows {
            var guidance: Set<GuidanceValue> = []
            for raw in try row.list("guidance") {
                guard let value = GuidanceValue(rawValue: raw) else { throw row.error(column: "guidance", "unknown guidance `\(raw)`") }
                guidance.insert(value)
            }
            let region = try row.optional("region")
            guard region.map({ Region(rawValue: $0) != nil }) ?? true else { throw row.error(column: "region", "unknown region") }
            codes.append(CodeRow(
                code: try code(row, "code"), descriptor: try row.text("descriptor"),
                families: try families(row, "family") ?? CaseSet(ProcedureFamily.allCases),
                variants: try row.optional("variant").map { $0.split(separator: ",").map(String.init) },
                region: region.flatMap(Region.init(rawValue:)), guidance: CaseSet(guidance),
                counts: try row.value("counts", as: CountMode.self),
                addOnTo: try row.optional("addon_to").map { raw throws(LexiconError) in try code(row, "addon_to") },
                bilateral: try row.value("bilateral", as: BilateralIndicator.self),
                imaging: try row.value("imaging", as: ImagingMode.self)))
        }
        let known = Set(codes.map(\.code))
        for row in codes { if let parent = row.addOnTo, !known.contains(parent) {
            throw LexiconError(path: "coding/codes.tsv", line: 0, column: 0, rowText: row.code.rawValue,
                               reason: "add-on \(row.code) names an unknown primary \(parent)")
        } }
        self.codes = codes
        self.codesByFamily = CaseMap(Dictionary(uniqueKeysWithValues: ProcedureFamily.allCases.map { family in
            (family, codes.filter { $0.families.contains(family) })
        }))

        var guidanceCodes: [GuidanceCodeRow] = []
        for row in try source.table("coding/guidance-codes.tsv").rows {
            var except: Set<HCPCSCode> = []
            for raw in try row.list("except") {
                guard let value = HCPCSCode(raw) else { throw row.error(column: "except", "`\(raw)` is not a code") }
                except.insert(value)
            }
            guidanceCodes.append(GuidanceCodeRow(
                code: try code(row, "code"), descriptor: try row.text("descriptor"),
                kind: try row.value("guidance", as: GuidanceCodeRow.Kind.self),
                families: try families(row, "families") ?? CaseSet(ProcedureFamily.allCases), exceptCodes: except))
        }
        self.guidanceCodes = guidanceCodes

        var drugs: [DrugSupplyRow] = []
        for row in try source.table("coding/drug-supply.tsv").rows {
            drugs.append(DrugSupplyRow(
                code: try code(row, "code"), generic: try row.text("generic"), unitDose: try row.number("unit_dose"),
                unit: try row.text("unit"), rule: try row.value("rule", as: DrugSupplyRow.Rule.self), takesWasteModifiers: try row.yesNo("waste")))
        }
        self.drugSupply = drugs

        var flags: [FlagID: FlagRule] = [:]
        for row in try source.table("coding/flags.tsv").rows {
            let id = try row.value("id", as: FlagID.self)
            flags[id] = FlagRule(id: id, severity: try row.value("severity", as: Severity.self),
                                 families: try families(row, "families"), message: try row.text("message"))
        }
        self.flags = CaseMap(flags)

        var limits: [ProcedureFamily: Int] = [:]
        for row in try source.table("coding/policy-limits.tsv").rows {
            limits[try row.value("family", as: ProcedureFamily.self)] = Int(try row.number("max_levels"))
        }
        self.levelLimits = CaseMap(limits)

        var support: [DiagnosisSupport] = []
        for row in try source.table("coding/diagnosis-support.tsv").rows {
            var supports: [DiagnosisCategory] = []
            for name in try row.list("supports") {
                guard let category = DiagnosisCategory(rawValue: name) else { throw row.error(column: "supports", "unknown category `\(name)`") }
                supports.append(category)
            }
            support.append(DiagnosisSupport(family: try row.value("family", as: ProcedureFamily.self),
                                            variant: try row.optional("variant"), supports: CaseSet(supports)))
        }
        self.diagnosisSupport = support
    }

    func rule(_ id: FlagID) -> FlagRule? { flags[id] }

    /// What a flag tells a coder (the `message` column of `coding/flags.tsv`).
    public func message(for id: FlagID) -> String? { flags[id]?.message }
}
