import ClinicalText

/// Reads drugs and their doses: "dexamethasone 10 mg/mL, 1 mL" (10 mg), "Kenalog 40 mg",
/// "80 mg of Depo-Medrol", "2 mL of Kenalog 40 mg/mL" (80 mg). Every measurement also becomes a
/// quantity mention with the role the words next to it give ("155 units injected", "45 units
/// discarded", "reconstituted", "each level", "po daily").
struct DoseGrammar {
    let lexicons: TaggingLexicons

    static let massUnits: CaseSet<MeasureUnit> = [.mg, .mcg, .g, .units]
    static let defaultUnit = CaseMap<DrugClass, MeasureUnit>([.corticosteroid: .mg, .botulinumToxin: .units])

    /// Appends the note's mentions of this kind to `out`.
    func tag(_ note: AnalyzedNote, into out: inout [Mention]) {
        let tokens = note.tokens
        for (sentenceIndex, sentence) in note.sentences.enumerated() {
            // Most sentences name no drug and no dose role and hold no measurement: passed over unsearched.
            guard lexicons.drugs.mayStart(in: note, sentence: sentenceIndex) || lexicons.doseCues.mayStart(in: note, sentence: sentenceIndex)
                    || note.sentenceMayStart(PhraseStarts.digitLed, sentenceIndex) && sentence.tokens.contains(where: { tokens[$0].kind == .measurement })
            else { continue }
            let roles = lexicons.doseCues.matches(in: note, range: sentence.tokens)
            let drugs = lexicons.drugs.matches(in: note, range: sentence.tokens)
            for (position, drug) in drugs.enumerated() {
                let previousEnd = position > 0 ? drugs[position - 1].tokens.upperBound : sentence.tokens.lowerBound
                let nextStart = position + 1 < drugs.count ? drugs[position + 1].tokens.lowerBound : sentence.tokens.upperBound
                var mention = DrugMention(name: drug.payload)
                let forward = drug.tokens.upperBound..<min(nextStart, drug.tokens.upperBound + 10)
                let backward = max(previousEnd, drug.tokens.lowerBound - 6)..<drug.tokens.lowerBound
                let strength = drug.payload.mgPerML
                if let (dose, used) = dose(forward: forward, backward: backward, tokens, mgPerML: strength) {
                    mention.dose = dose
                    mention.doseRanges = InlineList(used.lazy.map { tokens[$0].range })
                    let near = (used.min()! - 3)..<(max(used.max()!, drug.tokens.upperBound) + 4)
                    for role in roles where near.overlaps(role.tokens) {
                        switch role.payload {
                        case .total: mention.isTotal = true
                        case .perSite: mention.isPerSite = true
                        case .oral: mention.isOral = true
                        default: break
                        }
                    }
                }
                // "(Kenalog 10 mg per joint, 40 mg total)": the largest total stated in the window wins.
                let totals = forward.filter { index in
                    guard tokens[index].kind == .measurement, let quantity = tokens[index].quantity, let unit = quantity.unit else { return false }
                    return Self.massUnits.contains(unit) && quantity.perUnit == nil && roleOf(index, roles, tokens) == .total
                }
                if let index = totals.max(by: { tokens[$0].quantity!.value < tokens[$1].quantity!.value }) {
                    mention.dose = tokens[index].quantity
                    mention.isTotal = true
                    mention.isPerSite = false
                    mention.doseRanges = [tokens[index].range]
                }
                // "Kenalog 40", "dex 10 total": a bare number right after the name is in the drug's usual unit.
                if mention.dose == nil, drug.tokens.upperBound < sentence.tokens.upperBound,
                   let defaultUnit = Self.defaultUnit[drug.payload.drugClass],
                   tokens[drug.tokens.upperBound].kind == .number, let value = tokens[drug.tokens.upperBound].quantity?.value,
                   tokens[drug.tokens.upperBound].quantity?.unit == nil {
                    mention.dose = Quantity(value: value, unit: defaultUnit)
                    mention.doseRanges = [tokens[drug.tokens.upperBound].range]
                }
                // "each side: 2 mL bupivacaine + Kenalog 20 mg": a per-site label earlier in the sentence.
                if !mention.isTotal, roles.contains(where: { role in
                    role.payload == .perSite && role.tokens.upperBound < drug.tokens.lowerBound
                        && tokens[role.tokens.upperBound].isMark(":")
                }) {
                    mention.isPerSite = true
                }
                // "po", "daily" anywhere right after the name also marks a home medication.
                if roles.contains(where: { $0.payload == .oral && $0.tokens.lowerBound >= drug.tokens.upperBound
                    && $0.tokens.lowerBound < drug.tokens.upperBound + 6 }) {
                    mention.isOral = true
                }
                out.append(Mention(range: span(drug.tokens, note), tokens: drug.tokens, kind: .drug(mention)))
            }
            // "No wastage", "none discarded": zero units discarded.
            for role in roles where role.payload == .noWaste {
                out.append(Mention(range: span(role.tokens, note), tokens: role.tokens,
                                   kind: .quantity(QuantityMention(quantity: Quantity(value: 0, unit: .units), role: .noWaste))))
            }
            for index in sentence.tokens where tokens[index].kind == .measurement {
                guard let quantity = tokens[index].quantity else { continue }
                let role = roleOf(index, roles, tokens)
                out.append(Mention(range: tokens[index].range, tokens: index..<index + 1,
                                   kind: .quantity(QuantityMention(quantity: quantity, role: role))))
            }
        }
    }

    /// The dose next to a drug name: a mass after it ("Kenalog 40 mg"); a concentration times a
    /// volume on either side ("10 mg/mL, 1 mL", "2 mL of Kenalog 40 mg/mL"); a mass before it
    /// ("80 mg of Depo-Medrol"); or a volume of a product sold in one strength ("Celestone 1 mL").
    private func dose(forward: Range<Int>, backward: Range<Int>, _ tokens: [Token], mgPerML: Double?) -> (Quantity, [Int])? {
        let after = measurements(in: forward, tokens)
        let before = measurements(in: backward.reversed(), tokens)
        if let mass = after.mass { return (mass.0, [mass.1]) }
        if let concentration = after.concentration ?? before.concentration, let volume = after.volume ?? before.volume {
            let dose = Quantity(value: concentration.0.value * volume.0.value, unit: concentration.0.unit)
            return (dose, [concentration.1, volume.1].sorted())
        }
        if let mass = before.mass { return (mass.0, [mass.1]) }
        if let volume = after.volume ?? before.volume, let mgPerML {
            return (Quantity(value: volume.0.value * mgPerML, unit: .mg), [volume.1])
        }
        return nil
    }

    /// The first mass, concentration and volume met walking the indices in order.
    private func measurements<S: Sequence>(in indices: S, _ tokens: [Token])
        -> (mass: (Quantity, Int)?, concentration: (Quantity, Int)?, volume: (Quantity, Int)?) where S.Element == Int {
        var mass: (Quantity, Int)?, concentration: (Quantity, Int)?, volume: (Quantity, Int)?
        for index in indices where tokens[index].kind == .measurement {
            guard let quantity = tokens[index].quantity, let unit = quantity.unit else { continue }
            if Self.massUnits.contains(unit), quantity.perUnit == nil {
                if mass == nil { mass = (quantity, index) }
            } else if Self.massUnits.contains(unit), quantity.perUnit == .mL {
                if concentration == nil { concentration = (quantity, index) }
            } else if unit == .mL, volume == nil {
                volume = (quantity, index)
            }
        }
        return (mass, concentration, volume)
    }

    /// The role of a measurement: `total` when "total" stands before it in its clause (within
    /// eight tokens, no other measurement between: "Total amount of toxin injected was 200 units"),
    /// otherwise the role named closest to it (within four tokens).
    private func roleOf(_ index: Int, _ roles: [(payload: DoseRole, tokens: Range<Int>)], _ tokens: [Token]) -> DoseRole? {
        if let total = roles.last(where: { $0.payload == .total && $0.tokens.upperBound <= index && index - $0.tokens.upperBound <= 8 }),
           total.tokens.lowerBound == 0 || tokens[total.tokens.lowerBound - 1].kind != .measurement {  // not "40 mg total"
            if !(total.tokens.upperBound..<index).contains(where: { tokens[$0].kind == .measurement }) { return .total }
        }
        if let total = roles.first(where: { $0.payload == .total && $0.tokens.lowerBound > index }),
           total.tokens.lowerBound - index <= 2 {
            return .total  // "40 mg total"
        }
        return nearestRole(to: index, roles)
    }

    /// The dose role named closest to a measurement in its sentence (within four tokens).
    private func nearestRole(to index: Int, _ roles: [(payload: DoseRole, tokens: Range<Int>)]) -> DoseRole? {
        var best: (DoseRole, Int)?
        for role in roles {
            let distance = role.tokens.lowerBound > index ? role.tokens.lowerBound - index - 1
                : index - role.tokens.upperBound
            guard distance >= 0, distance <= 4 else { continue }
            if best == nil || distance < best!.1 { best = (role.payload, distance) }
        }
        return best?.0
    }
}
