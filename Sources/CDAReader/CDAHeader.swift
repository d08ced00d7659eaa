internal import CLibXML2

/// The CDA header as note text: the patient (name, record id, birth date) from `recordTarget`,
/// the date of service from `documentationOf/serviceEvent/effectiveTime` (or the document's
/// `effectiveTime`), the author, and the legal authenticator (the signature). Written as labelled
/// lines so the same taggers read them, with spans, as they read any note.
struct CDAHeader {
    let lines: [String]

    /// The root OID of US Social Security numbers: never used as the patient's record id.
    static let ssnRoot = "2.16.840.1.113883.4.1"

    init(root: xmlNodePtr) {
        var lines: [String] = []
        if let role = child(root, "recordTarget").flatMap({ child($0, "patientRole") }) {
            var parts: [String] = []
            let patient = child(role, "patient")
            if let name = patient.flatMap({ child($0, "name") }).map(Self.personName), !name.isEmpty { parts.append("Patient: \(name)") }
            if let id = children(role, "id").first(where: { attribute($0, "root") != Self.ssnRoot }).flatMap({ attribute($0, "extension") }) {
                parts.append("MRN: \(id)")
            }
            if let birth = patient.flatMap({ child($0, "birthTime") }).flatMap({ attribute($0, "value") }).flatMap(Self.date) {
                parts.append("DOB: \(birth)")
            }
            if !parts.isEmpty { lines.append(parts.joined(separator: "   ")) }
        }
        let serviceTime = child(root, "documentationOf").flatMap { child($0, "serviceEvent") }.flatMap { child($0, "effectiveTime") }
        let service = serviceTime.flatMap { time in
            attribute(time, "value") ?? child(time, "low").flatMap { attribute($0, "value") }
        } ?? child(root, "effectiveTime").flatMap { attribute($0, "value") }
        if let date = service.flatMap(Self.date) { lines.append("Date of service: \(date)") }
        if let author = child(root, "author").flatMap({ child($0, "assignedAuthor") }).flatMap({ child($0, "assignedPerson") })
            .flatMap({ child($0, "name") }).map(Self.personName), !author.isEmpty {
            lines.append("Author: \(author)")
        }
        if let legal = child(root, "legalAuthenticator") {
            let name = child(legal, "assignedEntity").flatMap { child($0, "assignedPerson") }.flatMap { child($0, "name") }
                .map(Self.personName) ?? ""
            let date = child(legal, "time").flatMap { attribute($0, "value") }.flatMap(Self.date)
            let signed = child(legal, "signatureCode").flatMap { attribute($0, "code") } == "S"
            if signed || !name.isEmpty {
                lines.append("Legally authenticated by: \(name.isEmpty ? "legal authenticator" : name)\(date.map { " on \($0)" } ?? "")")
            }
        }
        self.lines = lines
    }

    /// "Dr. Henry Seven" from prefix, given, family and suffix parts.
    static func personName(_ name: xmlNodePtr) -> String {
        let parts = elements(of: name).filter { ["prefix", "given", "family", "suffix"].contains(CDAReader.name(of: $0)) }
        let words = parts.map { content(of: $0).trimmingCharacters() }.filter { !$0.isEmpty }
        return words.isEmpty ? content(of: name).trimmingCharacters() : words.joined(separator: " ")
    }

    /// "20120909…" → "2012-09-09"; nil when the value is not a date.
    static func date(_ value: String) -> String? {
        let digits = Array(value.prefix(8))
        guard digits.count == 8, digits.allSatisfy(\.isNumber) else { return nil }
        return "\(String(digits[0..<4]))-\(String(digits[4..<6]))-\(String(digits[6..<8]))"
    }
}
