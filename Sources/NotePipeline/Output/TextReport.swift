import ClinicalText
import NoteFacts
import NoteTagging
import ProcedureCoding

/// The report a person reads in a terminal: every fact, then the text that proves it, with
/// scalar offsets (`@start-end`) that match the JSON output.
public enum TextReport {
    public static func render(_ result: NoteResult, pipeline: NeedlepointPipeline) -> String {
        switch result.outcome {
        case .failed(let error):
            return "== \(result.id)\nerror (\(error.kind.rawValue)): \(error.message)\n"
        case .coded(let coded):
            let (note, facts, report) = (coded.note, coded.facts, coded.report)
            let quote = Quoter(text: note.text)
            var out = "== \(result.id) (\(note.text.string.unicodeScalars.count) characters)\n"
            out += "Codes:\n"
            if report.codes.isEmpty { out += "  none\n" }
            for line in report.codes {
                let modifiers = line.modifiers.isEmpty ? "" : "-" + line.modifiers.map(\.rawValue).joined(separator: "-")
                out += "  \(line.code)\(modifiers) ×\(line.units)  \(line.why)\n"
            }
            out += "Flags:\n"
            if report.flags.isEmpty { out += "  none\n" }
            for flag in report.flags {
                let codes = flag.codes.isEmpty ? "" : " [" + flag.codes.map(\.rawValue).joined(separator: ", ") + "]"
                out += "  \(flag.severity.rawValue.uppercased()) \(flag.id.rawValue)\(codes): \(flag.message)\n"
            }
            out += "Procedures:\n"
            if facts.procedures.isEmpty { out += "  none documented as done today\n" }
            for procedure in facts.procedures {
                let levels = procedure.levels.map(\.description).joined(separator: ", ")
                let parts = [procedure.family.rawValue, procedure.region?.rawValue, procedure.target,
                             levels.isEmpty ? "no level" : levels, procedure.laterality?.rawValue ?? "no side",
                             "guidance: \(procedure.guidance?.rawValue ?? "not documented")"]
                out += "  " + parts.compactMap { $0 }.joined(separator: " | ") + "\n"
                out += quote.lines(procedure.evidence)
            }
            let contrast = facts.contrast
            out += "Contrast: " + (contrast.documented ? "documented" : contrast.withheld ? "withheld" : "not documented")
            if let agent = contrast.agent { out += " (\(agent))" }
            out += "; needle views: \(contrast.needleViews)"
            if !contrast.views.isEmpty { out += " (" + contrast.views.map(\.rawValue).joined(separator: ", ") + ")" }
            out += "\n" + quote.lines(contrast.evidence + contrast.viewEvidence)
            let pain = facts.pain
            out += "Pain: \(pain.scale?.rawValue ?? "scale not named"); before \(format(pain.pre)); after \(format(pain.post))\n"
            out += quote.lines(pain.preEvidence + pain.postEvidence)
            out += "Drugs with supply codes:\n"
            if facts.drugs.isEmpty { out += "  none\n" }
            for drug in facts.drugs {
                var line = "  \(drug.name) \(drug.dose.map { format($0) + " " + (drug.unit ?? "") } ?? "(no dose)")"
                if let discarded = drug.discarded { line += ", discarded \(format(discarded)) units" }
                out += line + "\n" + quote.lines(drug.evidence)
            }
            if !facts.otherDrugs.isEmpty {
                out += "Other drugs: " + facts.otherDrugs.map { "\($0.name) (\($0.drugClass.rawValue))" }.joined(separator: ", ") + "\n"
            }
            out += "Diagnoses:\n"
            if facts.diagnoses.isEmpty { out += "  none\n" }
            for diagnosis in facts.diagnoses {
                out += "  \(diagnosis.code.map { $0 + " " } ?? "")\(diagnosis.text) [\(diagnosis.category?.rawValue ?? "?")]\n"
            }
            let documentation = facts.documentation
            out += "Documentation:\n"
            out += "  patient identification: \(documentation.patientIdentification.isEmpty ? "missing" : "yes")\n"
            out += quote.lines(documentation.patientIdentification)
            out += "  signature: \(documentation.signature.isEmpty ? "missing" : "yes")\n" + quote.lines(documentation.signature)
            var care = documentation.conservativeCare.isEmpty ? "not documented" : "documented"
            if documentation.conservativeCareFailed { care += ", failed" }
            if let weeks = documentation.conservativeCareWeeks { care += ", \(format((weeks * 10).rounded() / 10)) weeks" }
            out += "  conservative care: \(care)\n" + quote.lines(documentation.conservativeCare)
            if let minutes = documentation.minutes { out += "  time: \(format(minutes)) min\n" }
            return out
        }
    }

    static func format(_ value: Double?) -> String {
        guard let value else { return "not documented" }
        return JSONValue.format(value)
    }

    struct Quoter {
        let text: NoteText
        let map: ScalarOffsetMap
        init(text: NoteText) {
            self.text = text
            self.map = ScalarOffsetMap(text)
        }

        func lines(_ ranges: [TextRange]) -> String {
            ranges.normalized().map { range in
                let snippet = text[range].split(whereSeparator: \.isNewline).joined(separator: " ")
                return "      @\(map.scalarOffset(range.start))-\(map.scalarOffset(range.end)) \"\(snippet)\"\n"
            }.joined()
        }
    }
}
