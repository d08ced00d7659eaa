public import NotePipeline

/// Compares one contract result with its gold annotation, area by area, as item multisets:
/// procedures by family; region, levels, laterality and guidance per matched procedure; contrast,
/// pain and drugs by value; code lines as (code, sorted modifiers, units); flags by id.
public struct NoteComparison: Sendable {
    public static let factAreas = ["procedures", "region", "levels", "laterality", "guidance", "contrast", "pain", "drugs"]

    /// Items per area ("levels" → ["epidural-transforaminal L5-S1", …]).
    public var predicted: [String: [String]] = [:]
    public var gold: [String: [String]] = [:]

    public init(result: JSONValue, gold annotation: GoldAnnotation) {
        let procedures = result["procedures"]?.arrayValue ?? []
        if let goldProcedures = annotation.procedures {
            var unmatched = Array(procedures.indices)
            var pairs: [(JSONValue?, GoldAnnotation.Procedure?)] = []
            for goldProcedure in goldProcedures {
                if let position = unmatched.firstIndex(where: { procedures[$0]["family"]?.stringValue == goldProcedure.family }) {
                    pairs.append((procedures[unmatched.remove(at: position)], goldProcedure))
                } else {
                    pairs.append((nil, goldProcedure))
                }
            }
            pairs += unmatched.map { (procedures[$0], nil) }
            for (mine, theirs) in pairs {
                let family = mine?["family"]?.stringValue ?? theirs?.family ?? "?"
                add("procedures", mine.map { _ in [family] }, theirs.map { _ in [family] })
                add("region", mine.map { Self.some(family, $0["region"]?.stringValue) },
                    theirs.map { Self.some(family, $0.region) })
                add("levels", mine.map { ($0["levels"]?.arrayValue ?? []).compactMap(\.stringValue).map { "\(family) \($0)" } },
                    theirs.map { ($0.levels ?? []).map { "\(family) \($0)" } })
                add("laterality", mine.map { Self.some(family, $0["laterality"]?.stringValue) },
                    theirs.map { Self.some(family, $0.laterality) })
                add("guidance", mine.map { Self.some(family, $0["guidance"]?.stringValue) },
                    theirs.map { Self.some(family, $0.guidance) })
            }
        }
        if let contrast = annotation.contrast {
            let mine = result["contrast"]
            var predictedItems: [String] = []
            if mine?["documented"]?.boolValue == true { predictedItems.append("documented") }
            if let agent = mine?["agent"]?.stringValue { predictedItems.append("agent \(agent)") }
            if let views = mine?["needleViews"]?.numberValue, views > 0 { predictedItems.append("views \(Int(views))") }
            var goldItems: [String] = []
            if contrast.documented == true { goldItems.append("documented") }
            if let agent = contrast.agent { goldItems.append("agent \(agent)") }
            if let views = contrast.needleViews, views > 0 { goldItems.append("views \(views)") }
            add("contrast", predictedItems, goldItems)
        }
        if let pain = annotation.pain {
            let mine = result["pain"]
            add("pain", Self.some("pre", mine?["pre"]?.numberValue.map(JSONValue.format)) + Self.some("post", mine?["post"]?.numberValue.map(JSONValue.format)),
                Self.some("pre", pain.pre.map(JSONValue.format)) + Self.some("post", pain.post.map(JSONValue.format)))
        }
        if let drugs = annotation.drugs {
            add("drugs", (result["drugs"]?.arrayValue ?? []).map { drug in
                "\(drug["name"]?.stringValue ?? "?") \(drug["dose"]?.numberValue.map(JSONValue.format) ?? "null") \(drug["unit"]?.stringValue ?? "null")"
            }, drugs.map { "\($0.name) \($0.dose.map(JSONValue.format) ?? "null") \($0.unit ?? "null")" })
        }
        if let codes = annotation.codes {
            add("codes", (result["codes"]?.arrayValue ?? []).map { line in
                Self.codeItem(line["code"]?.stringValue ?? "?", (line["modifiers"]?.arrayValue ?? []).compactMap(\.stringValue),
                              Int(line["units"]?.numberValue ?? 0))
            }, codes.map { Self.codeItem($0.code, $0.modifiers ?? [], $0.units ?? 1) })
        }
        if let flags = annotation.flags {
            add("flags", (result["flags"]?.arrayValue ?? []).compactMap { $0["id"]?.stringValue }, flags)
        }
    }

    private mutating func add(_ area: String, _ mine: [String]?, _ theirs: [String]?) {
        predicted[area, default: []] += mine ?? []
        gold[area, default: []] += theirs ?? []
    }

    static func some(_ prefix: String, _ value: String?) -> [String] { value.map { ["\(prefix) \($0)"] } ?? [] }

    static func codeItem(_ code: String, _ modifiers: [String], _ units: Int) -> String {
        "\(code)\(modifiers.sorted().map { "-" + $0 }.joined()) x\(units)"
    }

    /// True when the predicted code lines equal the gold ones exactly.
    public var codesExact: Bool? {
        guard let gold = gold["codes"] else { return nil }
        return (predicted["codes"] ?? []).sorted() == gold.sorted()
    }
}

