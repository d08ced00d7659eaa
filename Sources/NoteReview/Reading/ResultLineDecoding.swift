import NotePipeline
import ProcedureCoding

extension ReviewedNote {
    /// Reads one line of a results file (`needlepoint.result/1`), parsed whole
    /// (``JSONValue/parse(_:)``): fields the review does not use are ignored, missing or null
    /// optional ones are nil; a line that is not a result object (or holds a field the review
    /// reads with a value of the wrong type) is an unreadable note named after its line number, so
    /// it is counted rather than lost.
    public init(resultLine bytes: [UInt8], lineNumber: Int) {
        guard let value = try? JSONValue.parse(bytes), let line = try? ResultLine(value), let id = line.id else {
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

/// The slice of the result contract the review reads, from a parsed line: a member the review
/// uses with a value of the wrong type makes the line unreadable; null and absent are alike.
private struct ResultLine {
    struct ErrorRecord { var kind: String? }
    struct Evidence {
        var start: Int
        var end: Int
        var span: EvidenceSpan { EvidenceSpan(start: start, end: end) }
    }
    struct Procedure { var family: String; var evidence: [Evidence]? }
    struct Pain { var pre: Double?; var post: Double? }
    struct Encounter { var patientKey: String?; var serviceDate: String?; var provider: String? }
    struct Code { var code: String; var modifiers: [String]?; var units: Double? }
    struct Flag { var id: String; var severity: String?; var evidence: [Evidence]? }

    var id: String?
    var error: ErrorRecord?
    var procedures: [Procedure]?
    var pain: Pain?
    var encounter: Encounter?
    var codes: [Code]?
    var flags: [Flag]?

    struct WrongType: Error {}

    init(_ line: JSONValue) throws {
        let object = try Self.object(line)
        id = try Self.optional(object["id"], Self.string)
        error = try Self.optional(object["error"]) { ErrorRecord(kind: try Self.optional(Self.object($0)["kind"], Self.string)) }
        procedures = try Self.optional(object["procedures"]) { value in
            try Self.array(value) { procedure in
                let members = try Self.object(procedure)
                return Procedure(family: try Self.string(members["family"]),
                                 evidence: try Self.optional(members["evidence"]) { try Self.array($0, Self.evidence) })
            }
        }
        pain = try Self.optional(object["pain"]) { value in
            let members = try Self.object(value)
            return Pain(pre: try Self.optional(members["pre"], Self.number), post: try Self.optional(members["post"], Self.number))
        }
        encounter = try Self.optional(object["encounter"]) { value in
            let members = try Self.object(value)
            return Encounter(patientKey: try Self.optional(members["patientKey"], Self.string),
                             serviceDate: try Self.optional(members["serviceDate"], Self.string),
                             provider: try Self.optional(members["provider"], Self.string))
        }
        codes = try Self.optional(object["codes"]) { value in
            try Self.array(value) { code in
                let members = try Self.object(code)
                return Code(code: try Self.string(members["code"]),
                            modifiers: try Self.optional(members["modifiers"]) { try Self.array($0, Self.string) },
                            units: try Self.optional(members["units"], Self.number))
            }
        }
        flags = try Self.optional(object["flags"]) { value in
            try Self.array(value) { flag in
                let members = try Self.object(flag)
                return Flag(id: try Self.string(members["id"]), severity: try Self.optional(members["severity"], Self.string),
                            evidence: try Self.optional(members["evidence"]) { try Self.array($0, Self.evidence) })
            }
        }
    }

    private static func optional<T>(_ value: JSONValue?, _ read: (JSONValue) throws -> T) throws -> T? {
        guard let value, value != .null else { return nil }
        return try read(value)
    }

    private static func object(_ value: JSONValue?) throws -> JSONValue {
        guard case .object? = value else { throw WrongType() }
        return value!
    }

    private static func array<T>(_ value: JSONValue, _ read: (JSONValue) throws -> T) throws -> [T] {
        guard let items = value.arrayValue else { throw WrongType() }
        return try items.map(read)
    }

    private static func string(_ value: JSONValue?) throws -> String {
        guard let string = value?.stringValue else { throw WrongType() }
        return string
    }

    private static func number(_ value: JSONValue) throws -> Double {
        guard let number = value.numberValue else { throw WrongType() }
        return number
    }

    private static func evidence(_ value: JSONValue) throws -> Evidence {
        let members = try object(value)
        guard let start = members["start"]?.numberValue.flatMap(Int.init(exactly:)),
              let end = members["end"]?.numberValue.flatMap(Int.init(exactly:)) else { throw WrongType() }
        return Evidence(start: start, end: end)
    }
}
