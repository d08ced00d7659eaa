import ClinicalText
import NoteTagging

/// Drugs given today, one entry per generic name with the session's total dose.
///
/// A home medication (taken by mouth or on a schedule, or listed under home medications) is not a
/// drug given today. Steroid doses: a dose marked as the total wins; otherwise repeated mentions of
/// one dose count once, and the largest of several doses is their total. Botulinum
/// toxin: the amount injected (or the vial less the discarded amount), and the discarded amount.
enum DrugReader {
    static let excludedSections: Set<SectionKind> = [
        .homeMedications, .pastHistory, .familyHistory, .allergies, .plan, .consent, .presentIllness, .indication,
        .diagnosis, .examination, .imaging,
    ]

    static func read(_ mentions: [Mention]) -> (supplyCoded: [DrugFact], other: [DrugFact]) {
        var byName: [String: [Mention]] = [:]
        var order: [String] = []
        for mention in mentions {
            guard case .drug(let drug) = mention.kind, mention.isCurrentFact, !drug.isOral,
                  !excludedSections.contains(mention.section) else { continue }
            if byName[drug.name.generic] == nil { order.append(drug.name.generic) }
            byName[drug.name.generic, default: []].append(mention)
        }
        var coded: [DrugFact] = []
        var other: [DrugFact] = []
        for name in order {
            let group = byName[name]!
            guard case .drug(let first) = group[0].kind else { continue }
            var fact: DrugFact
            switch first.name.drugClass {
            case .botulinumToxin:
                fact = toxin(name, group, mentions)
                coded.append(fact)
            case .corticosteroid:
                fact = steroid(name, group)
                coded.append(fact)
            default:
                fact = steroid(name, group)
                fact.drugClass = first.name.drugClass
                other.append(fact)
            }
        }
        return (coded, other)
    }

    private static func steroid(_ name: String, _ group: [Mention]) -> DrugFact {
        var evidence: [TextRange] = []
        var doses: [Double] = []
        var total: Double?
        var unit: String?
        for mention in group {
            guard case .drug(let drug) = mention.kind else { continue }
            evidence.append(mention.range)
            guard let dose = drug.dose, let doseUnit = dose.unit, doseUnit != "mL" else { continue }
            evidence += drug.doseRanges
            let value = doseUnit == "g" ? dose.value * 1000 : doseUnit == "mcg" ? dose.value / 1000 : dose.value
            unit = doseUnit == "units" ? "units" : "mg"
            if drug.isTotal { total = max(total ?? 0, value) }
            doses.append(value)
        }
        let dose = total ?? combine(doses)
        guard case .drug(let first) = group[0].kind else { fatalError("group holds drug mentions") }
        return DrugFact(name: name, drugClass: first.name.drugClass, dose: dose, unit: dose == nil ? nil : unit,
                        discarded: nil, evidence: evidence.normalized())
    }

    /// Repeated mentions of one dose count once; when several doses are written, the largest is
    /// the total (a total written beside its parts, "80 mg: 40 mg at each level").
    static func combine(_ doses: [Double]) -> Double? { doses.max() }

    private static func toxin(_ name: String, _ group: [Mention], _ all: [Mention]) -> DrugFact {
        var evidence = group.map(\.range)
        var injected: [Double] = [], totals: [Double] = [], discarded: [Double] = [], vial: [Double] = [], plain: [Double] = []
        var noWaste = false
        let sections = Set(group.map(\.section))
        for mention in all where sections.contains(mention.section) || mention.section == .procedure {
            guard case .quantity(let quantity) = mention.kind, quantity.quantity.unit == "units",
                  !mention.assertion.isHypothetical, !mention.assertion.isHistorical else { continue }
            let value = quantity.quantity.value
            switch quantity.role {
            case .total?: totals.append(value)
            case .injected?: injected.append(value)
            case .discarded?: discarded.append(value)
            case .noWaste?: noWaste = true
            case .reconstituted?: vial.append(value)
            default: plain.append(value)
            }
            evidence.append(mention.range)
        }
        for mention in group {
            if case .drug(let drug) = mention.kind, let dose = drug.dose, dose.unit == "units" { evidence += drug.doseRanges }
        }
        var dose: Double?
        if let total = totals.max() { dose = total }
        else if let given = injected.max() { dose = given }
        else if let size = vial.max(), let wasted = discarded.max() { dose = size - wasted }
        else if plain.count >= 3 { dose = plain.reduce(0, +) }
        else if let single = plain.first { dose = single }
        else if let size = vial.max() { dose = size }
        let wasted = discarded.max() ?? (noWaste ? 0 : nil)
        return DrugFact(name: name, drugClass: .botulinumToxin, dose: dose, unit: dose == nil ? nil : "units",
                        discarded: wasted, evidence: evidence.normalized())
    }
}
