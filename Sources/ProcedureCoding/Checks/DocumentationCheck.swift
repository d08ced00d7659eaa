import ClinicalText
import NoteFacts
import NoteTagging

/// One documentation check per contract flag id: it reads the facts and the proposed lines and
/// returns the flags it raises. Which families a flag is checked for, its severity and its message
/// come from `Lexicons/coding/flags.tsv`; the condition is the check's own.
protocol DocumentationCheck: Sendable {
    var id: FlagID { get }
    func check(_ context: CheckContext) -> [Flag]
}

/// What a check may read.
struct CheckContext {
    let facts: NoteFacts
    let rules: CodingRules
    /// The note's procedures with their code lines, in the order of `facts.procedures`.
    private let all: [CheckedProcedure]

    /// `linesByProcedure`: code lines per procedure, in the order of `facts.procedures`.
    init(facts: NoteFacts, rules: CodingRules, linesByProcedure: [[CodeLine]]) {
        self.facts = facts
        self.rules = rules
        all = zip(facts.procedures, linesByProcedure).map(CheckedProcedure.init)
    }

    /// The procedures the flag is checked for (its families in flags.tsv), with their code lines.
    func procedures(for id: FlagID) -> [CheckedProcedure] {
        guard let rule = rules.rule(id) else { return [] }
        func isChecked(_ procedure: CheckedProcedure) -> Bool {
            guard rule.applies(to: procedure.fact.family) else { return false }
            // The neurolytic epidural (62281/62282) is outside the ESI policy checks (W22).
            return !(procedure.fact.family == .epiduralInterlaminar && facts.otherDrugs.contains(where: { $0.drugClass == .neurolytic })
                && ![.neurolyticAgent, .missingPatientIdentification, .missingSignature, .missingDiagnosis,
                     .conflictingDocumentation].contains(id))
        }
        // Most checks apply to every procedure of a note: then the list is shared, not copied.
        return all.allSatisfy(isChecked) ? all : all.filter(isChecked)
    }

    /// A flag for some procedures, citing the evidence given (or the procedures' own evidence).
    func flag(_ id: FlagID, for procedures: [CheckedProcedure], evidence: [TextRange] = [],
              detail: String? = nil) -> [Flag] {
        guard !procedures.isEmpty, let rule = rules.rule(id) else { return [] }
        // The procedures' codes in order, without repeats; lines read in place (a loop over them copies each).
        var codes: [HCPCSCode] = []
        var cited = evidence
        for procedure in procedures {
            for index in procedure.lines.indices where !codes.contains(procedure.lines[index].code) {
                codes.append(procedure.lines[index].code, startingRoom: 8)
            }
            if evidence.isEmpty { cited += procedure.fact.evidence }
        }
        let message = detail.map { rule.message + " " + $0 } ?? rule.message
        return [Flag(id: id, severity: rule.severity, message: message, codes: codes, evidence: cited.normalized())]
    }
}

/// A procedure with its code lines, as the checks read it: made once per note and shared by
/// reference, so that twenty checks reading a procedure do not copy its facts twenty times.
final class CheckedProcedure {
    let fact: ProcedureFact
    let lines: [CodeLine]

    init(fact: ProcedureFact, lines: [CodeLine]) {
        (self.fact, self.lines) = (fact, lines)
    }
}

/// Every check, one per contract flag id except `frequency-limit-exceeded` (a batch check).
enum DocumentationChecks {
    static let all: [any DocumentationCheck] = [
        MissingPatientIdentification(), MissingSignature(), MissingDiagnosis(), MissingLevel(), MissingLaterality(),
        MissingGuidance(), MissingContrast(), MissingNeedleViews(), MissingPrePainScore(), MissingPostPainScore(),
        MissingConservativeCare(), MissingDrugDose(), MissingTime(), MissingBotoxWastage(), DiagnosisNotSupporting(),
        UltrasoundGuidanceNotCovered(), ImagingRequired(), LevelLimitExceeded(), NeurolyticAgent(),
        ConflictingDocumentation(), AcupunctureIndicationNotCovered(),
    ]
}

extension GuidanceKind? {
    /// Fluoroscopy or CT.
    var isFluoroscopyOrCT: Bool { self == .fluoroscopy || self == .ct }
}
