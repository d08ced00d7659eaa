public import ClinicalText
import NoteFacts
import NoteTagging
import ProcedureCoding

/// Encodes results in the contract's shape (`needlepoint.result/1`): scalar offsets, evidence with
/// its text, code lines and flags, and an error record for notes that could not be read. Adds
/// fields the contract allows (see the README): `documentation`, flag `evidence`, and others.
public enum ResultEncoder {
    public static let schema = "needlepoint.result/1"

    public static func json(_ result: NoteResult) -> JSONValue {
        switch result.outcome {
        case .failed(let error):
            return .object([
                "schema": .string(schema), "id": .string(result.id),
                "error": .object(["kind": .string(error.kind.rawValue), "message": .string(error.message)]),
            ])
        case .coded(let note, let facts, let report):
            let evidence = EvidenceEncoder(note.text)
            return .object([
                "schema": .string(schema),
                "id": .string(result.id),
                "procedures": .array(facts.procedures.map { procedure(evidence, $0) }),
                "contrast": .object([
                    "documented": .bool(facts.contrast.documented),
                    "agent": JSONValue(facts.contrast.agent),
                    "needleViews": .number(Double(facts.contrast.needleViews)),
                    "views": .array(facts.contrast.views.map { .string($0.rawValue) }),
                    "withheld": .bool(facts.contrast.withheld),
                    "evidence": evidence.json(facts.contrast.evidence + facts.contrast.viewEvidence),
                ]),
                "pain": .object([
                    "scale": JSONValue(facts.pain.scale?.rawValue),
                    "pre": JSONValue(facts.pain.pre),
                    "post": JSONValue(facts.pain.post),
                    "evidence": evidence.json(facts.pain.preEvidence + facts.pain.postEvidence),
                ]),
                "drugs": .array(facts.drugs.map { drug in
                    var object: JSONObject = [
                        "name": .string(drug.name), "dose": JSONValue(drug.dose), "unit": JSONValue(drug.unit),
                        "evidence": evidence.json(drug.evidence),
                    ]
                    if drug.drugClass == .botulinumToxin { object["discarded"] = JSONValue(drug.discarded) }
                    return .object(object)
                }),
                "diagnoses": .array(facts.diagnoses.map { diagnosis in
                    .object([
                        "code": JSONValue(diagnosis.code), "text": .string(diagnosis.text),
                        "category": JSONValue(diagnosis.category?.rawValue), "evidence": evidence.json(diagnosis.evidence),
                    ])
                }),
                "documentation": documentation(evidence, facts.documentation),
                "encounter": .object([
                    "patientKey": JSONValue(result.patientKey),
                    "serviceDate": JSONValue(facts.encounter.serviceDate?.description),
                    "provider": JSONValue(facts.encounter.provider),
                ]),
                "codes": .array(report.codes.map { line in
                    .object([
                        "code": .string(line.code.rawValue), "modifiers": .array(line.modifiers.map { .string($0.rawValue) }),
                        "units": .number(Double(line.units)), "why": .string(line.why), "evidence": evidence.json(line.evidence),
                    ])
                }),
                "flags": .array(report.flags.map { flag in
                    .object([
                        "id": .string(flag.id.rawValue), "severity": .string(flag.severity.rawValue), "message": .string(flag.message),
                        "codes": .array(flag.codes.map { .string($0.rawValue) }), "evidence": evidence.json(flag.evidence),
                    ])
                }),
            ])
        }
    }

    private static func procedure(_ evidence: EvidenceEncoder, _ fact: ProcedureFact) -> JSONValue {
        .object([
            "family": .string(fact.family.rawValue),
            "region": JSONValue(fact.region?.rawValue),
            "levels": .array(fact.levels.map { .string($0.description) }),
            "laterality": JSONValue(fact.laterality?.rawValue),
            "guidance": JSONValue(fact.guidance?.rawValue),
            "target": JSONValue(fact.target),
            "evidence": evidence.json(fact.evidence),
            "conflicts": .array(fact.conflicts.map { conflict in
                .object(["kind": .string(conflict.kind.rawValue), "evidence": evidence.json(conflict.evidence)])
            }),
        ])
    }

    private static func documentation(_ evidence: EvidenceEncoder, _ facts: DocumentationFacts) -> JSONValue {
        .object([
            "patientIdentification": evidence.json(facts.patientIdentification),
            "signature": evidence.json(facts.signature),
            "conservativeCare": .object([
                "documented": .bool(!facts.conservativeCare.isEmpty),
                "failed": .bool(facts.conservativeCareFailed),
                "weeks": JSONValue(facts.conservativeCareWeeks.map { ($0 * 10).rounded() / 10 }),
                "evidence": evidence.json(facts.conservativeCare),
            ]),
            "minutes": JSONValue(facts.minutes),
            "retentionMinutes": JSONValue(facts.retentionMinutes),
            "timeEvidence": evidence.json(facts.timeEvidence),
        ])
    }
}

/// Turns byte ranges into contract evidence: scalar offsets and the text they cover.
public struct EvidenceEncoder {
    /// Sorted ranges without repeats.
    static func unique(_ sorted: [TextRange]) -> [TextRange] {
        var out: [TextRange] = []
        out.reserveCapacity(sorted.count)
        for range in sorted where out.last != range { out.append(range) }
        return out
    }

    let text: NoteText
    let map: ScalarOffsetMap

    public init(_ text: NoteText) {
        self.text = text
        self.map = ScalarOffsetMap(text)
    }

    public func json(_ ranges: [TextRange]) -> JSONValue {
        .array(Self.unique(ranges.sorted()).map { range in
            .object([  // in key order, so the object needs no sorting
                "end": .number(Double(map.scalarOffset(range.end))),
                "start": .number(Double(map.scalarOffset(range.start))),
                "text": .string(text[range]),
            ])
        })
    }
}
