import ClinicalText
import NoteTagging

/// Drugs given today, one entry per generic name with the session's total dose.
///
/// A home medication (taken by mouth or on a schedule, or listed under home medications) is not a
/// drug given today. Steroid doses: see ``steroid(_:_:_:sites:)``. Botulinum toxin: the amount
/// injected (or the vial less the discarded amount), and the discarded amount; a named product
/// absorbs the generic "botulinum toxin" mentions of the same note.
enum DrugReader {
    static let excludedSections = CaseSet<SectionKind>([
        .homeMedications, .pastHistory, .familyHistory, .allergies, .plan, .consent, .presentIllness, .indication,
        .diagnosis, .examination, .imaging,
    ])

    static func read(_ mentions: [Mention], procedures: [ProcedureFact]) -> (supplyCoded: [DrugFact], other: [DrugFact]) {
        // The mentions by generic name, names in the order first met (a note names a few drugs:
        // a list searched by name, no hashing).
        var groups: [(name: LexiconName, mentions: [Mention])] = []
        // By index: a loop over the note's mentions copies every one of them out (a mention is 128
        // bytes); only the drugs are copied here.
        for index in mentions.indices {
            guard case .drug(let drug) = mentions[index].kind, mentions[index].isCurrentFact, !drug.isOral,
                  !excludedSections.contains(mentions[index].section) else { continue }
            if let group = groups.firstIndex(where: { $0.name == drug.name.generic }) {
                groups[group].mentions.append(mentions[index])
            } else {
                groups.append((drug.name.generic, [mentions[index]]))
            }
        }
        // "Botulinum toxin" and a named product in one note are the same drug.
        let products = groups.indices.filter { index in
            guard !groups[index].name.spells("botulinum toxin"), case .drug(let drug) = groups[index].mentions[0].kind else { return false }
            return drug.name.drugClass == .botulinumToxin
        }
        if products.count == 1, let generic = groups.firstIndex(where: { $0.name.spells("botulinum toxin") }) {
            groups[products[0]].mentions += groups[generic].mentions
            groups.remove(at: generic)
        }
        let sites = max(procedures.map { $0.levels.count }.max() ?? 1, procedures.contains { $0.laterality == .bilateral } ? 2 : 1)
        var coded: [DrugFact] = []
        var other: [DrugFact] = []
        for (name, group) in groups {
            guard case .drug(let first) = group[0].kind else { continue }
            var fact: DrugFact
            switch first.name.drugClass {
            case .botulinumToxin:
                fact = toxin(name.string, group, mentions)
                coded.append(fact)
            case .corticosteroid:
                fact = steroid(name.string, group, mentions, sites: sites)
                coded.append(fact)
            default:
                fact = steroid(name.string, group, mentions, sites: sites)
                fact.drugClass = first.name.drugClass
                other.append(fact)
            }
        }
        return (coded, other)
    }

    /// Doses tied to different sites (levels or sides) add up; a dose tied to no site (a
    /// medication list, a summary line) repeats one of them; a dose marked as the total wins; a dose
    /// "at each level" or "each side" counts once per site.
    private static func steroid(_ name: String, _ group: [Mention], _ all: [Mention], sites: Int) -> DrugFact {
        var evidence: [TextRange] = []
        var totals: [Double] = []
        var unsited: [Double] = []
        var sited: [SitedDose: Double] = [:]
        var unit: String?
        for mention in group {
            guard case .drug(let drug) = mention.kind else { continue }
            evidence.append(mention.range, startingRoom: 16)
            guard let dose = drug.dose, let doseUnit = dose.unit, doseUnit != .mL else { continue }
            evidence += drug.doseRanges
            var value = doseUnit == .g ? dose.value * 1000 : doseUnit == .mcg ? dose.value / 1000 : dose.value
            unit = doseUnit == .units ? "units" : "mg"
            if drug.isTotal { totals.append(value); continue }
            if drug.isPerSite { value *= Double(sites) }
            if let site = site(of: mention, all) {
                sited[SitedDose(site: site, value: value)] = value
            } else {
                unsited.append(value)
            }
        }
        let sum = sited.values.reduce(0, +)
        let dose = totals.max() ?? (sited.isEmpty && unsited.isEmpty ? nil : max(unsited.max() ?? 0, sum))
        guard case .drug(let first) = group[0].kind else { fatalError("group holds drug mentions") }
        return DrugFact(name: name, drugClass: first.name.drugClass, dose: dose, unit: dose == nil ? nil : unit,
                        discarded: nil, evidence: evidence.normalized())
    }

    /// The level (or, when no level is named, the nerve, or the side) a dose was given at: named in
    /// its sentence, or in one of the eight sentences before it in the same section.
    private static func site(of drug: Mention, _ all: [Mention]) -> DoseSite? {
        // The mentions stand in the note's order: those of the nine sentences in reach are one run
        // of the list.
        let (sentence, section) = (drug.sentence, drug.section)
        let near = all.indices(inSentences: (sentence - 8)...sentence)
        func isNear(_ index: Int) -> Bool {
            all[index].section == section && all[index].isToday && all[index].sentence <= sentence
        }
        // Its own sentence first, then the eight before it; in each, a level before a target before a side.
        for sameSentence in [true, false] {
            func inScope(_ index: Int) -> Bool { isNear(index) && (!sameSentence || all[index].sentence == sentence) }
            if let index = near.last(where: { if case .level = all[$0].kind { inScope($0) } else { false } }),
               case .level(let level) = all[index].kind {
                return .levels(level.items)
            }
            if let index = near.last(where: { if case .procedure(let cue) = all[$0].kind { cue.target != nil && inScope($0) } else { false } }),
               let target = all[index].procedureCue?.target {
                return .target(target)
            }
            if let index = near.last(where: { if case .side = all[$0].kind { inScope($0) } else { false } }),
               case .side(let side) = all[index].kind {
                return .side(side)
            }
        }
        return nil
    }

    /// Where a dose went: the levels, the named target, or the side.
    enum DoseSite: Hashable {
        case levels(InlineList<12, LevelMention.Item>)
        case target(LexiconName)
        case side(Side)
    }

    /// One dose at one site (the same dose written twice for a site counts once).
    struct SitedDose: Hashable {
        var site: DoseSite
        var value: Double
    }

    private static func toxin(_ name: String, _ group: [Mention], _ all: [Mention]) -> DrugFact {
        var evidence = group.map(\.range)
        var injected: [Double] = [], totals: [Double] = [], discarded: [Double] = [], vial: [Double] = [], plain: [Double] = []
        var noWaste = false
        let sections = CaseSet(group.map(\.section))
        for index in all.indices where sections.contains(all[index].section) || all[index].section == .procedure {
            let assertion = all[index].assertion
            guard case .quantity(let quantity) = all[index].kind, quantity.quantity.unit == .units,
                  !assertion.isHypothetical, !assertion.isHistorical else { continue }
            let value = quantity.quantity.value
            switch quantity.role {
            case .total?: totals.append(value)
            case .injected?: injected.append(value)
            case .discarded?: discarded.append(value)
            case .noWaste?: noWaste = true
            case .reconstituted?: vial.append(value)
            default: plain.append(value)
            }
            evidence.append(all[index].range)
        }
        for mention in group {
            if case .drug(let drug) = mention.kind, let dose = drug.dose, dose.unit == .units { evidence += drug.doseRanges }
        }
        var dose: Double?
        if let total = totals.max() { dose = total }
        else if let given = injected.max() { dose = given }
        else if let size = vial.max(), let wasted = discarded.max() { dose = size - wasted }
        else if plain.count >= 3 { dose = plain.reduce(0, +) }
        else if let single = plain.first { dose = single }
        else if let size = vial.max() { dose = size }
        // JW-06: a vial size and a smaller dose, both explicit, imply the waste.
        var wasted = discarded.max() ?? (noWaste ? 0 : nil)
        if wasted == nil, let size = vial.max(), let given = dose, size > given, totals.max() != nil || !injected.isEmpty {
            wasted = size - given
        }
        return DrugFact(name: name, drugClass: .botulinumToxin, dose: dose, unit: dose == nil ? nil : "units",
                        discarded: wasted, evidence: evidence.normalized())
    }
}
