import ClinicalText
import NoteFacts
import NoteTagging

/// Codes one procedure from the code table: picks the rows for its family, kind, region and
/// guidance, counts units by the row's counting mode, and sets modifiers by the bilateral indicator.
struct ProcedureCoder {
    let rules: CodingRules

    /// Code lines for a procedure (procedure and add-on codes; guidance and drugs are coded apart).
    func lines(for procedure: ProcedureFact, index: Int, in facts: NoteFacts) -> [CodeLine] {
        guard procedure.family != .other else { return [] }
        let variant = Variant.of(procedure, in: facts)
        if procedure.family == .nerveBlock && variant == nil { return [] }
        let rows = candidateRows(procedure, variant: variant)
        guard let first = rows.first else { return [] }
        var lines: [CodeLine] = []
        switch first.counts {
        case .perSession, .perSide:
            guard let row = pick(rows, [.perSession, .perSide], region: procedure.region) else { return [] }
            lines.append(line(row, modifiers: sideModifiers(row, procedure), units: 1, procedure,
                              detail: detail(procedure, variant: variant)))
            if row.counts == .perSession || row.counts == .perSide, procedure.family == .chemodenervation,
               let addOn = rows.first(where: { $0.counts == .eachAdditionalExtremity }) {
                let extra = Variant.extremityCount(procedure) - 1
                if extra > 0 {
                    lines.append(line(addOn, modifiers: [], units: extra, procedure, detail: "\(extra + 1) extremities treated"))
                }
            }
        case .firstLevel, .eachAdditional, .secondLevel, .thirdAndBeyond:
            lines += levelLines(procedure, rows)
        case .first15Minutes, .eachAdditional15Minutes:
            lines += timeLines(procedure, rows, minutes: facts.documentation.minutes)
        case .eachAdditionalExtremity:
            break
        }
        return lines
    }

    /// Rows of the family that fit the procedure's kind and guidance, primaries first.
    func candidateRows(_ procedure: ProcedureFact, variant: String?) -> [CodeRow] {
        let guidance = GuidanceValue(procedure.guidance)
        let family = rules.codesByFamily[procedure.family] ?? []
        // The rows of the procedure's variant when the table has any, else the family's default kind.
        let ofKind: (CodeRow) -> Bool
        if let variant, family.contains(where: { $0.variants?.contains(variant) == true }) {
            ofKind = { $0.variants?.contains(variant) == true }
        } else {
            ofKind = { $0.variants == nil }
        }
        // Primary codes, then add-ons, each in table order: one list, no sort.
        var rows: [CodeRow] = []
        rows.reserveCapacity(family.count)
        for addOns in [false, true] {
            for row in family where row.counts.isAddOn == addOns && ofKind(row) && row.applies(to: guidance) { rows.append(row) }
        }
        return rows
    }

    /// The first row counted by one of `modes` in the procedure's region (a row without a region
    /// fits any), else the first counted by one of them at all.
    private func pick(_ rows: [CodeRow], _ modes: [CountMode], region: Region?) -> CodeRow? {
        var firstFitting: CodeRow?
        for row in rows where modes.contains(row.counts) {
            if row.region == nil || row.region == (region ?? .lumbarSacral) { return row }
            if firstFitting == nil { firstFitting = row }
        }
        return firstFitting
    }

    // MARK: Per-level codes

    private func levelLines(_ procedure: ProcedureFact, _ rows: [CodeRow]) -> [CodeLine] {
        let sided = rows.contains { $0.bilateral.takesSideModifiers }
        let positions = SidePositions(procedure, sidedCode: sided).positions
        // One entry per code and modifier, in the order first met.
        var entries: [(row: CodeRow, modifier: Modifier?, units: Int, segments: [SpinalSegment])] = []
        for position in positions {
            let region = position.segment?.region ?? procedure.region
            let modes: [CountMode] = switch position.number {
            case 1: [.firstLevel]
            case 2: [.secondLevel, .eachAdditional]
            default: [.thirdAndBeyond, .eachAdditional]
            }
            guard let row = modes.lazy.compactMap({ mode in self.pick(rows, [mode], region: region) }).first else { continue }
            let index = entries.firstIndex { $0.row.code == row.code && $0.modifier == position.modifier } ?? entries.count
            if index == entries.count { entries.append((row, position.modifier, 0, [])) }
            // A third-and-beyond code counts once, however many levels it covers (LV-09).
            if row.counts != .thirdAndBeyond || entries[index].units == 0 { entries[index].units += 1 }
            if let segment = position.segment { entries[index].segments.append(segment) }
        }
        return entries.compactMap { entry in
            // "L4-L5, L5-S1, left (LT)", written into one string with its room reserved.
            let side = Self.sideWords(entry.modifier)
            var detail = ""
            detail.reserveCapacity(entry.segments.count * 8 + side.utf8.count + 20)
            for segment in entry.segments {
                if !detail.isEmpty { detail += ", " }
                detail += segment.description
            }
            if detail.isEmpty { detail = "no level documented" }
            if !side.isEmpty { detail += ", "; detail += side }
            return line(entry.row, modifiers: entry.modifier.map { [$0] } ?? [], units: entry.units, procedure, detail: detail)
        }
    }

    // MARK: Timed codes

    /// Acupuncture: the initial 15 minutes, then each further 15 (a unit needs its midpoint, 8
    /// minutes); no time documented codes the initial unit only (W15).
    private func timeLines(_ procedure: ProcedureFact, _ rows: [CodeRow], minutes: Double?) -> [CodeLine] {
        guard let initial = rows.first(where: { $0.counts == .first15Minutes }) else { return [] }
        guard let minutes else {
            return [line(initial, modifiers: [], units: 1, procedure, detail: "no time documented; initial unit only")].compactMap { $0 }
        }
        let count = minutes < 8 ? 0 : 1 + Int((minutes - 8) / 15)
        guard count > 0 else { return [] }
        var lines: [CodeLine] = []
        lines.append(line(initial, modifiers: [], units: 1, procedure, detail: "\(JSONNumberText.of(minutes)) minutes"))
        if count > 1, let additional = rows.first(where: { $0.counts == .eachAdditional15Minutes }) {
            lines.append(line(additional, modifiers: [], units: count - 1, procedure,
                              detail: "\(JSONNumberText.of(minutes)) minutes: \(count - 1) more 15-minute unit\(count > 2 ? "s" : "")"))
        }
        return lines
    }

    // MARK: Helpers

    private func sideModifiers(_ row: CodeRow, _ procedure: ProcedureFact) -> [Modifier] {
        guard row.bilateral.takesSideModifiers else { return [] }
        switch procedure.laterality {
        case .bilateral?: return [.bilateral]
        case .left?: return [.left]
        case .right?: return [.right]
        case nil: return []
        }
    }

    static func sideWords(_ modifier: Modifier?) -> String {
        switch modifier?.rawValue {
        case "50": "both sides (50)"
        case "LT": "left (LT)"
        case "RT": "right (RT)"
        default: ""
        }
    }

    private func detail(_ procedure: ProcedureFact, variant: String?) -> String {
        var parts: [String] = []
        if let target = procedure.target { parts.append(target) }
        if procedure.family == .triggerPoint || procedure.family == .dryNeedling {
            let count = Variant.muscleCount(procedure)
            parts.append(count == 0 ? "muscles not named (1 or 2 assumed)" : "\(count) muscle\(count == 1 ? "" : "s")")
        }
        if procedure.isCaudal { parts.append("caudal approach") }
        if !procedure.levels.isEmpty, procedure.family.isSpinal { parts.append(procedure.levels.map(\.description).joined(separator: ", ")) }
        switch procedure.laterality {
        case .bilateral?: parts.append("both sides")
        case .left?: parts.append("left")
        case .right?: parts.append("right")
        case nil: break
        }
        return parts.joined(separator: ", ")
    }

    func line(_ row: CodeRow, modifiers: [Modifier], units: Int, _ procedure: ProcedureFact, detail: String) -> CodeLine? {
        // The sentence written into one string with its room reserved (each `+` made a new one).
        var why = row.sentenceStart
        why.reserveCapacity(why.utf8.count + detail.utf8.count + 6)
        if !detail.isEmpty { why += " — "; why += detail }
        why += "."
        return CodeLine(code: row.code, modifiers: modifiers, units: units, evidence: procedure.evidence, why: why,
                        rank: row.counts.isAddOn ? .addOn : .procedure)
    }
}

extension Array where Element == CodeLine {
    mutating func append(_ line: CodeLine?) { if let line { append(line) } }
}

extension GuidanceValue {
    init(_ guidance: GuidanceKind?) {
        switch guidance {
        case .fluoroscopy?: self = .fluoroscopy
        case .ct?: self = .ct
        case .ultrasound?: self = .ultrasound
        case .none?: self = .none
        case nil: self = .unknown
        }
    }
}

extension String {
    /// The string with its first character upper-cased ("transforaminal …" → "Transforaminal …");
    /// a first character that is one ASCII byte by that byte, anything else by Unicode's rules.
    var capitalizedFirst: String {
        // One ASCII byte is a whole character unless a combining scalar (not ASCII) follows it.
        let utf8 = self.utf8
        guard let first = utf8.first, first < 0x80, utf8.dropFirst().first.map({ $0 < 0x80 }) ?? true else {
            return prefix(1).uppercased() + dropFirst()
        }
        guard first &- 0x61 < 26 else { return self }
        return String(unsafeUninitializedCapacity: utf8.count) { buffer in
            let count = buffer.initialize(fromContentsOf: utf8)
            buffer[0] = first - 0x20
            return count
        }
    }
}

/// Numbers as people read them ("30", "7.5").
enum JSONNumberText {
    static func of(_ value: Double) -> String {
        value == value.rounded() ? String(Int(value)) : String(value)
    }
}
