public import ClinicalText
import NoteFacts
import NoteTagging
import ProcedureCoding

/// Encodes results in the contract's shape (`needlepoint.result/1`): scalar offsets, evidence with
/// its text, code lines and flags, and an error record for notes that could not be read. Adds
/// fields the contract allows (see the README): `documentation`, flag `evidence`, and others.
public enum ResultEncoder {
    public static let schema = "needlepoint.result/1"

    /// The result as one JSON text, compact (a JSON Lines line without its newline) or pretty.
    public static func bytes(_ result: NoteResult, pretty: Bool = false) -> [UInt8] {
        var writer = JSONWriter(pretty: pretty, capacity: 8192)
        write(result, into: &writer)
        return writer.bytes
    }

    /// The result as a JSON tree, for readers that look values up (evaluation, the API, tests).
    public static func json(_ result: NoteResult) -> JSONValue {
        do { return try JSONValue.parse(bytes(result)) } catch { preconditionFailure("the result writer wrote invalid JSON: \(error)") }
    }

    /// Writes the result; members in key order, as the contract's readers and ``JSONValue`` print them.
    public static func write(_ result: NoteResult, into w: inout JSONWriter) {
        w.beginObject()
        switch result.outcome {
        case .failed(let error):
            w.key("error")
            w.beginObject()
            w.key("kind"); w.string(error.kind.rawValue)
            w.key("message"); w.string(error.message)
            w.endObject()
            w.key("id"); w.string(result.id)
        case .coded(let coded):
            var evidence = EvidenceEncoder(coded.note.text)
            w.key("codes")
            w.beginArray()
            for line in coded.report.codes {
                w.beginObject()
                w.key("code"); w.string(line.code.rawValue)
                w.key("evidence"); evidence.write(line.evidence, into: &w)
                w.key("modifiers")
                w.beginArray()
                for modifier in line.modifiers { w.string(modifier.rawValue) }
                w.endArray()
                w.key("units"); w.number(line.units)
                w.key("why"); w.string(line.why)
                w.endObject()
            }
            w.endArray()

            let contrast = coded.facts.contrast
            w.key("contrast")
            w.beginObject()
            w.key("agent"); w.string(contrast.agent)
            w.key("documented"); w.bool(contrast.documented)
            w.key("evidence"); evidence.write(contrast.evidence + contrast.viewEvidence, into: &w)
            w.key("needleViews"); w.number(contrast.needleViews)
            w.key("views")
            w.beginArray()
            for view in contrast.views { w.string(view.rawValue) }
            w.endArray()
            w.key("withheld"); w.bool(contrast.withheld)
            w.endObject()

            w.key("diagnoses")
            w.beginArray()
            for diagnosis in coded.facts.diagnoses {
                w.beginObject()
                w.key("category"); w.string(diagnosis.category?.rawValue)
                w.key("code"); w.string(diagnosis.code)
                w.key("evidence"); evidence.write(diagnosis.evidence, into: &w)
                w.key("text"); w.string(diagnosis.text)
                w.endObject()
            }
            w.endArray()

            w.key("documentation"); documentation(&evidence, coded.facts.documentation, into: &w)

            w.key("drugs")
            w.beginArray()
            for drug in coded.facts.drugs {
                w.beginObject()
                if drug.drugClass == .botulinumToxin { w.key("discarded"); w.number(drug.discarded) }
                w.key("dose"); w.number(drug.dose)
                w.key("evidence"); evidence.write(drug.evidence, into: &w)
                w.key("name"); w.string(drug.name)
                w.key("unit"); w.string(drug.unit)
                w.endObject()
            }
            w.endArray()

            w.key("encounter")
            w.beginObject()
            w.key("patientKey"); w.string(result.patientKey)
            w.key("provider"); w.string(coded.facts.encounter.provider)
            w.key("serviceDate"); w.string(coded.facts.encounter.serviceDate?.description)
            w.endObject()

            w.key("flags")
            w.beginArray()
            for flag in coded.report.flags {
                w.beginObject()
                w.key("codes")
                w.beginArray()
                for code in flag.codes { w.string(code.rawValue) }
                w.endArray()
                w.key("evidence"); evidence.write(flag.evidence, into: &w)
                w.key("id"); w.string(flag.id.rawValue)
                w.key("message"); w.string(flag.message)
                w.key("severity"); w.string(flag.severity.rawValue)
                w.endObject()
            }
            w.endArray()

            w.key("id"); w.string(result.id)

            w.key("pain")
            w.beginObject()
            w.key("evidence"); evidence.write(coded.facts.pain.preEvidence + coded.facts.pain.postEvidence, into: &w)
            w.key("post"); w.number(coded.facts.pain.post)
            w.key("pre"); w.number(coded.facts.pain.pre)
            w.key("scale"); w.string(coded.facts.pain.scale?.rawValue)
            w.endObject()

            w.key("procedures")
            w.beginArray()
            for procedure in coded.facts.procedures { self.procedure(&evidence, procedure, into: &w) }
            w.endArray()
        }
        w.key("schema"); w.string(schema)
        w.endObject()
    }

    private static func procedure(_ evidence: inout EvidenceEncoder, _ fact: ProcedureFact, into w: inout JSONWriter) {
        w.beginObject()
        w.key("conflicts")
        w.beginArray()
        for conflict in fact.conflicts {
            w.beginObject()
            w.key("evidence"); evidence.write(conflict.evidence, into: &w)
            w.key("kind"); w.string(conflict.kind.rawValue)
            w.endObject()
        }
        w.endArray()
        w.key("evidence"); evidence.write(fact.evidence, into: &w)
        w.key("family"); w.string(fact.family.rawValue)
        w.key("guidance"); w.string(fact.guidance?.rawValue)
        w.key("laterality"); w.string(fact.laterality?.rawValue)
        w.key("levels")
        w.beginArray()
        for level in fact.levels { w.string(level.description) }
        w.endArray()
        w.key("region"); w.string(fact.region?.rawValue)
        w.key("target"); w.string(fact.target)
        w.endObject()
    }

    private static func documentation(_ evidence: inout EvidenceEncoder, _ facts: DocumentationFacts, into w: inout JSONWriter) {
        w.beginObject()
        w.key("conservativeCare")
        w.beginObject()
        w.key("documented"); w.bool(!facts.conservativeCare.isEmpty)
        w.key("evidence"); evidence.write(facts.conservativeCare, into: &w)
        w.key("failed"); w.bool(facts.conservativeCareFailed)
        w.key("weeks"); w.number(facts.conservativeCareWeeks.map { ($0 * 10).rounded() / 10 })
        w.endObject()
        w.key("minutes"); w.number(facts.minutes)
        w.key("patientIdentification"); evidence.write(facts.patientIdentification, into: &w)
        w.key("retentionMinutes"); w.number(facts.retentionMinutes)
        w.key("signature"); evidence.write(facts.signature, into: &w)
        w.key("timeEvidence"); evidence.write(facts.timeEvidence, into: &w)
        w.endObject()
    }
}

/// Turns byte ranges into contract evidence: scalar offsets and the text they cover.
///
/// A note repeats its evidence lists (a procedure's on each of its level codes, a code's on its
/// flags): a list written before at the same depth is copied from the writer's bytes.
public struct EvidenceEncoder {
    let text: NoteText
    let map: ScalarOffsetMap
    /// The lists written so far, with where their JSON stands.
    private var written: [(ranges: [TextRange], value: JSONWriter.WrittenValue)] = []

    public init(_ text: NoteText) {
        self.text = text
        self.map = ScalarOffsetMap(text)
        written.reserveCapacity(16)  // a note's evidence lists, in one allocation
    }

    /// Writes the ranges as contract evidence: sorted, without repeats, scalar offsets and text.
    public mutating func write(_ ranges: [TextRange], into w: inout JSONWriter) {
        let depth = w.openContainers
        if let earlier = written.first(where: { $0.value.depth == depth && $0.ranges == ranges }) {
            w.repeatValue(earlier.value)
            return
        }
        let value = text.utf8.withUnsafeBufferPointer { utf8 in
            w.recordingValue { w in
                w.beginArray()
                for range in ranges.normalized() {
                    w.beginObject()
                    w.key("end"); w.number(map.scalarOffset(range.end))
                    w.key("start"); w.number(map.scalarOffset(range.start))
                    w.key("text"); w.string(utf8: UnsafeBufferPointer(rebasing: utf8[range.bytes]))
                    w.endObject()
                }
                w.endArray()
            }
        }
        written.append((ranges, value))
    }
}
