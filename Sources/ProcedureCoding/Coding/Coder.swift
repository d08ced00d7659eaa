public import NoteFacts
import ClinicalText
import NoteTagging

/// Options a caller sets for coding.
public struct CodingOptions: Sendable {
    /// Leave drug supply codes out (`--no-drug-codes`).
    public var includeDrugCodes: Bool

    public init(includeDrugCodes: Bool = true) {
        self.includeDrugCodes = includeDrugCodes
    }
}

/// Turns a note's facts into code lines and documentation flags, by the rules in
/// `Lexicons/coding/`. Never throws: facts that cannot be coded give fewer lines and a flag.
public struct Coder: Sendable {
    public let rules: CodingRules

    public init(rules: CodingRules) {
        self.rules = rules
    }

    public func code(_ facts: NoteFacts, options: CodingOptions = CodingOptions()) -> CodingReport {
        guard !facts.procedures.isEmpty else { return .empty }
        let procedureCoder = ProcedureCoder(rules: rules)
        var perProcedure: [[CodeLine]] = []
        perProcedure.reserveCapacity(facts.procedures.count)
        // Procedures are read in place (a loop over them would copy each).
        for index in facts.procedures.indices {
            var lines = procedureCoder.lines(for: facts.procedures[index], index: index, in: facts)
            if facts.procedures[index].family == .triggerPoint {
                lines = TriggerPointSite.adjust(lines, facts.procedures[index], others: facts.procedures)
            }
            perProcedure.append(lines)
        }
        // Room for the guidance and drug lines that follow the procedures' own.
        var lines: [CodeLine] = []
        lines.reserveCapacity(perProcedure.reduce(0) { $0 + $1.count } + facts.procedures.count + facts.drugs.count)
        for own in perProcedure { lines += own }
        let guidance = GuidanceCoder(rules: rules)
        var guidanceCodes: Set<HCPCSCode> = []
        for index in facts.procedures.indices {
            for line in guidance.lines(for: facts.procedures[index], primary: perProcedure[index], facts: facts)
            where guidanceCodes.insert(line.code).inserted {
                lines.append(line)
            }
        }
        // Drugs are coded when a procedure of the reference's families was coded (section 10:
        // a procedure of family `other` gets no code lines at all, drug supply codes included).
        if options.includeDrugCodes, perProcedure.contains(where: { !$0.isEmpty }) {
            let supply = SupplyCoder(rules: rules)
            for drug in facts.drugs { lines += supply.lines(for: drug) }
        }
        // Stable, as `sort` is guaranteed to be: a rank keeps its lines' order. In place, so the lines move.
        lines.sort { $0.rank < $1.rank }
        let context = CheckContext(facts: facts, rules: rules, linesByProcedure: perProcedure)
        var flags: [Flag] = []
        for check in DocumentationChecks.all {
            let raised = check.check(context)
            if !raised.isEmpty { flags += raised }
        }
        flags.sort { $0.id < $1.id }
        return CodingReport(codes: lines, flags: flags)
    }
}

/// Trigger points in the same session as another injection (section 10, MOD-12): at a different
/// anatomic site the trigger-point line takes XS; at the same site it is not reported.
enum TriggerPointSite {
    static func adjust(_ lines: [CodeLine], _ procedure: ProcedureFact, others: [ProcedureFact]) -> [CodeLine] {
        let injections = others.filter {
            [.epiduralInterlaminar, .epiduralTransforaminal, .facetJoint, .medialBranchBlock, .facetRFA, .sacroiliacJoint,
             .nerveBlock].contains($0.family)
        }
        guard !injections.isEmpty, !lines.isEmpty else { return lines }
        let muscleSites = Set(procedure.muscles.map { $0.cue.site })
        let otherSites = Set(injections.flatMap(sites))
        if !muscleSites.isEmpty, muscleSites.isSubset(of: otherSites) { return [] }
        return lines.compactMap { line in
            CodeLine(code: line.code, modifiers: line.modifiers + [.separateStructure], units: line.units, evidence: line.evidence,
                     why: String(line.why.dropLast()) + "; a different anatomic site from the other injection (XS).",
                     rank: line.rank)
        }
    }

    /// Where a spinal or nerve procedure is, in muscle-site terms.
    static func sites(_ procedure: ProcedureFact) -> [MuscleSite] {
        switch procedure.family {
        case .sacroiliacJoint: return [.lowerBack, .buttock]
        case .nerveBlock:
            switch procedure.target {
            case "greater-occipital"?, "lesser-occipital"?: return [.head, .neck]
            case "intercostal"?, "paravertebral"?: return [.upperBack, .trunkFront]
            default: return []
            }
        default:
            switch procedure.region {
            case .cervicalThoracic?: return [.neck, .upperBack, .head]
            case .lumbarSacral?: return [.lowerBack, .buttock]
            case nil: return []
            }
        }
    }
}
