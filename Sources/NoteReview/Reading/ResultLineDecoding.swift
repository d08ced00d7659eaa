#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import ProcedureCoding

extension ReviewedNote {
    /// Reads one line of a results file (`needlepoint.result/1`). Fields the review does not use are
    /// skipped, missing optional ones are nil; a line that is not a result object is an unreadable
    /// note named after its line number, so it is counted rather than lost.
    public init(resultLine bytes: [UInt8], lineNumber: Int) {
        guard let line = try? JSONDecoder().decode(ResultLine.self, from: Data(bytes)), let id = line.id else {
            self = .unreadable(id: "line \(lineNumber)", kind: "not-a-result")
            return
        }
        if let error = line.error {
            self = .unreadable(id: id, kind: error.kind ?? "error")
            return
        }
        var note = CodedNote(id: id)
        note.provider = line.encounter?.provider.flatMap { $0.isEmpty ? nil : $0 }
        note.serviceDate = line.encounter?.serviceDate
        note.patientKey = line.encounter?.patientKey
        note.families = (line.procedures ?? []).map(\.family)
        note.procedureEvidence = line.procedures?.first?.evidence?.first?.span
        note.codes = (line.codes ?? []).map { ReviewedCode(code: $0.code, modifiers: $0.modifiers ?? [], units: $0.units ?? 1) }
        note.flags = (line.flags ?? []).map { flag in
            ReviewedFlag(id: flag.id, severity: flag.severity.flatMap(Severity.init(rawValue:)) ?? .warning,
                         evidence: flag.evidence?.first?.span)
        }
        note.painBefore = line.pain?.pre
        note.painAfter = line.pain?.post
        self = .coded(note)
    }
}

/// The slice of the result contract the review reads.
private struct ResultLine: Decodable {
    struct ErrorRecord: Decodable { var kind: String? }
    struct Evidence: Decodable {
        var start: Int
        var end: Int
        var span: EvidenceSpan { EvidenceSpan(start: start, end: end) }
    }
    struct Procedure: Decodable { var family: String; var evidence: [Evidence]? }
    struct Pain: Decodable { var pre: Double?; var post: Double? }
    struct Encounter: Decodable { var patientKey: String?; var serviceDate: String?; var provider: String? }
    struct Code: Decodable { var code: String; var modifiers: [String]?; var units: Double? }
    struct Flag: Decodable { var id: String; var severity: String?; var evidence: [Evidence]? }

    var id: String?
    var error: ErrorRecord?
    var procedures: [Procedure]?
    var pain: Pain?
    var encounter: Encounter?
    var codes: [Code]?
    var flags: [Flag]?
}
