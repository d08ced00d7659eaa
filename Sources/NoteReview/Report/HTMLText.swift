/// Text for HTML and SVG: escaping and the report's number formats.
enum HTMLText {
    /// Escapes the five characters that matter in element content and quoted attributes.
    static func escape(_ text: String) -> String {
        // Unicode scalars, not Characters: a quote followed by a combining mark is one Character.
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// `part / whole` as a percentage with `decimals` places ("96.9%"); "–" when `whole` is 0.
    static func percent(_ part: Int, of whole: Int, decimals: Int = 0) -> String {
        guard whole > 0 else { return "–" }
        return fixed(Double(part) * 100 / Double(whole), decimals: decimals) + "%"
    }

    /// A number rounded to `decimals` places, without Foundation's formatter.
    static func fixed(_ value: Double, decimals: Int) -> String {
        guard value.isFinite, abs(value) < 1e12 else { return value.isFinite ? String(value) : "–" }
        var scale = 1.0
        for _ in 0..<decimals { scale *= 10 }
        let scaled = Int((abs(value) * scale).rounded())
        let sign = value < 0 && scaled != 0 ? "-" : ""
        guard decimals > 0 else { return sign + String(scaled) }
        let whole = scaled / Int(scale), fraction = String(scaled % Int(scale))
        return sign + String(whole) + "." + String(repeating: "0", count: decimals - fraction.count) + fraction
    }

    /// A number for an SVG attribute: at most one decimal.
    static func coordinate(_ value: Double) -> String {
        value == value.rounded() ? String(Int(value)) : fixed(value, decimals: 1)
    }

    /// A chart label cut to `limit` characters with an ellipsis (the full text goes in the tooltip).
    static func short(_ label: String, limit: Int = 40) -> String {
        label.count <= limit ? label : String(label.prefix(limit - 1)) + "…"
    }
}
