/// `batch --format csv`: one row per code line (id, code, modifiers, units, flags, error) for
/// spreadsheets; a note without code lines still has one row, and an unreadable note a row with
/// its error kind, so every note appears.
public enum CSVRow {
    static let header = "id,code,modifiers,units,flags,error\n"

    static func rows(_ result: JSONValue) -> [String] {
        let id = result["id"]?.stringValue ?? ""
        if let error = result["error"] {
            return [row([id, "", "", "", "", error["kind"]?.stringValue ?? "error"])]
        }
        let flags = (result["flags"]?.arrayValue ?? []).compactMap { $0["id"]?.stringValue }.joined(separator: ";")
        let codes = result["codes"]?.arrayValue ?? []
        if codes.isEmpty { return [row([id, "", "", "", flags, ""])] }
        return codes.map { line in
            let modifiers = (line["modifiers"]?.arrayValue ?? []).compactMap(\.stringValue).joined(separator: " ")
            let units = line["units"]?.numberValue.map(JSONValue.format) ?? ""
            return row([id, line["code"]?.stringValue ?? "", modifiers, units, flags, ""])
        }
    }

    /// RFC 4180: quote fields holding a comma, quote or line break; double the quotes inside. A
    /// text field a spreadsheet would run as a formula (starting with `=`, `+`, `-` or `@`, and not
    /// a number) gets a leading apostrophe, so a provider name or id from a note cannot inject one.
    public static func row(_ fields: [String]) -> String {
        fields.map { field in
            var field = field
            if let first = field.unicodeScalars.first, "=+-@\t\r".unicodeScalars.contains(first), Double(field) == nil { field = "'" + field }
            // Scalars, not Characters: "\r\n" and a quote with a combining mark are single Characters.
            guard field.unicodeScalars.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return field }
            return "\"" + field.replacingQuotes() + "\""
        }.joined(separator: ",") + "\n"
    }
}

extension String {
    /// The text with every `"` doubled (RFC 4180), scalar by scalar.
    fileprivate func replacingQuotes() -> String {
        var out = String.UnicodeScalarView()
        for scalar in unicodeScalars {
            out.append(scalar)
            if scalar == "\"" { out.append(scalar) }
        }
        return String(out)
    }
}
