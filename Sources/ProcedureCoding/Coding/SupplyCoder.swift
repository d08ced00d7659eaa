import ClinicalText
import NoteFacts
import NoteTagging

/// Drug supply codes from the documented dose (reference section 4, section 10): units are the
/// dose divided by the code's unit dose, rounded up; methylprednisolone fills 80, 40, then 20 mg
/// codes; botulinum toxins carry JZ when nothing was discarded, or a second JW line for the
/// discarded amount, and no modifier when the note says neither (the flag says why).
struct SupplyCoder {
    let rules: CodingRules

    func lines(for drug: DrugFact) -> [CodeLine] {
        guard let dose = drug.dose, dose > 0, let unit = drug.unit else { return [] }
        let rows = rules.drugSupply.filter { $0.generic == drug.name && $0.unit == unit }
        guard let first = rows.first else { return [] }
        let amount = JSONNumberText.of(dose) + " " + unit
        switch first.rule {
        case .fill:
            var remaining = dose
            var lines: [CodeLine] = []
            let sorted = rows.sorted { $0.unitDose > $1.unitDose }
            for (index, row) in sorted.enumerated() {
                let isLast = index == sorted.count - 1
                let count = isLast ? Int((remaining / row.unitDose - 1e-9).rounded(.up)) : Int((remaining + 1e-9) / row.unitDose)
                remaining -= Double(count) * row.unitDose
                if count > 0 {
                    lines.append(line(row, [], count, drug, "\(amount) in total, filled with the largest units first"))
                }
                if remaining <= 1e-9 { break }
            }
            return lines
        case .divide:
            let units = Self.units(dose, first.unitDose)
            let per = "\(amount) ÷ \(JSONNumberText.of(first.unitDose)) \(unit) per unit"
            guard first.takesWasteModifiers else { return [line(first, [], units, drug, per)].compactMap { $0 } }
            switch drug.discarded {
            case 0?:
                return [line(first, [.noWaste], units, drug, per + ", nothing discarded (JZ)")].compactMap { $0 }
            case let wasted? where wasted > 0:
                return [line(first, [], units, drug, per + " administered"),
                        line(first, [.wasted], Self.units(wasted, first.unitDose), drug,
                             "\(JSONNumberText.of(wasted)) \(unit) discarded from the single-dose vial (JW)")].compactMap { $0 }
            default:
                return [line(first, [], units, drug, per + "; wastage not documented, so neither JW nor JZ")].compactMap { $0 }
            }
        }
    }

    static func units(_ amount: Double, _ unitDose: Double) -> Int {
        max(1, Int((amount / unitDose - 1e-9).rounded(.up)))
    }

    private func line(_ row: DrugSupplyRow, _ modifiers: [Modifier], _ units: Int, _ drug: DrugFact, _ detail: String) -> CodeLine? {
        // The sentence written into one string with its room reserved (an interpolation grows it piece by piece).
        var why = drug.name.capitalizedFirst
        why.reserveCapacity(why.utf8.count + detail.utf8.count + 10)
        why += " supply: "
        why += detail
        why += "."
        return CodeLine(code: row.code, modifiers: modifiers, units: units, evidence: drug.evidence, why: why, rank: .drug)
    }
}

/// Separately reportable guidance (reference 2.9, 6.2 MOD-14; Q-12): imaging beside a nerve block
/// whose code leaves imaging out, and EMG or stimulation guidance (or ultrasound) beside a
/// chemodenervation; one unit per session.
struct GuidanceCoder {
    let rules: CodingRules

    func lines(for procedure: ProcedureFact, primary: [CodeLine], facts: NoteFacts) -> [CodeLine] {
        guard let main = primary.first(where: { $0.rank == .procedure }),
              // The family first: a bit test, where a code is a string comparison.
              let mainRow = rules.codes.first(where: { $0.families.contains(procedure.family) && $0.code == main.code }) else { return [] }
        var kinds: [GuidanceCodeRow.Kind] = []
        switch procedure.family {
        case .nerveBlock where mainRow.imaging == .separate:
            switch procedure.guidance {
            case .fluoroscopy?: kinds = [.fluoroscopy]
            case .ct?: kinds = [.ct]
            case .ultrasound?: kinds = [.ultrasound]
            default: break
            }
        case .chemodenervation:
            // One electrical guidance code per session (CH-1): EMG when documented, else stimulation.
            if procedure.electricalGuidance.contains(.emg) { kinds.append(.emg) }
            else if procedure.electricalGuidance.contains(.stimulation) { kinds.append(.stimulation) }
            if procedure.guidance == .ultrasound { kinds.append(.ultrasound) }
        default:
            break
        }
        let evidence = procedure.guidanceEvidence.isEmpty ? procedure.evidence : procedure.guidanceEvidence
        return kinds.compactMap { kind in
            guard let row = rules.guidanceCodes.first(where: {
                $0.kind == kind && $0.families.contains(procedure.family) && !$0.exceptCodes.contains(main.code)
            }) else { return nil }
            return CodeLine(code: row.code, modifiers: [], units: 1, evidence: evidence,
                            why: "\(row.sentenceStart), documented for \(main.code).", rank: .guidance)
        }
    }
}
