import ClinicalText
import NoteTagging

/// Turns procedure cues into procedures (here), then gives each its levels, sides, guidance and
/// region (`ProcedureAssembler+Facts.swift`).
///
/// Cues of one family group make one procedure: the epidural group resolves to transforaminal
/// when a transforaminal cue stands in the note and to interlaminar otherwise (caudal included);
/// the facet group to RFA, medial branch block or intra-articular injection, strongest cue first.
/// A weak cue ("epidural", "facet", "SI joint") counts only beside a strong cue of its group, in
/// the note's title or a procedure heading's first line, or when no strong cue stands anywhere.
struct ProcedureAssembler {
    let note: AnalyzedNote
    let mentions: [Mention]
    let cues: SentenceCues
    let lexicons: TaggingLexicons
    /// For each sentence: it states findings only (see ``sentenceIsFindingOnly(_:)``), read in one pass.
    private let findingOnly: [Bool]
    /// For each section: its first sentence that is not a heading (-1 for none), read in one pass.
    private let firstBodySentence: [Int]

    init(note: AnalyzedNote, mentions: [Mention], cues: SentenceCues, lexicons: TaggingLexicons) {
        self.note = note
        self.mentions = mentions
        self.cues = cues
        self.lexicons = lexicons
        var strongCue = [Bool](repeating: false, count: note.sentences.count)
        var diagnosis = strongCue
        for mention in mentions where mention.sentence < strongCue.count {
            if mention.procedureCue?.isWeak == false { strongCue[mention.sentence] = true }
            if case .diagnosis = mention.kind { diagnosis[mention.sentence] = true }
        }
        findingOnly = strongCue.indices.map { !strongCue[$0] && (diagnosis[$0] || cues.nonTarget[$0]) }
        var firstBody = [Int](repeating: -1, count: note.sections.count)
        for (index, sentence) in note.sentences.enumerated() where !sentence.isHeading && firstBody[sentence.section] < 0 {
            firstBody[sentence.section] = index
        }
        firstBodySentence = firstBody
    }

    struct Draft {
        var family: ProcedureFamily
        var target: String?
        var cues: [Mention]
        var isCaudal = false
    }

    func procedures() -> [ProcedureFact] {
        let drafts = groupCues()
        guard !drafts.isEmpty else { return [] }
        let levels = mentions.filter { mention in
            guard TodayScope.includes(mention), case .level = mention.kind else { return false }
            return !sentenceIsFindingOnly(mention.sentence)
        }
        let muscles = mentions.filter(\.isMuscle)
        // By draft: the sides, muscles and electrical guidance it owns, and (below) its levels.
        var sideOwners = [[Mention]](repeating: [], count: drafts.count)
        var extras = sideOwners
        for mention in mentions where TodayScope.includes(mention) {
            switch mention.kind {
            case .side:
                // A side inside a level or a muscle phrase belongs to that phrase.
                guard !sentenceIsFindingOnly(mention.sentence),
                      !levels.contains(where: { $0.tokens.overlaps(mention.tokens) }),
                      !muscles.contains(where: { $0.tokens.overlaps(mention.tokens) }),
                      let owner = owner(of: mention, among: Array(drafts.indices), drafts) else { continue }
                sideOwners[owner].append(mention)
            case .muscle, .electricalGuidance:
                let candidates = drafts.indices.filter {
                    [.triggerPoint, .dryNeedling, .chemodenervation, .acupuncture].contains(drafts[$0].family)
                }
                if let owner = owner(of: mention, among: candidates, drafts) { extras[owner].append(mention) }
            default:
                continue
            }
        }
        let spinal = drafts.indices.filter { drafts[$0].family.isSpinal }
        let segmental = drafts.indices.filter { drafts[$0].family == .nerveBlock && ["intercostal", "paravertebral"].contains(drafts[$0].target ?? "") }
        var levelOwners = [[Mention]](repeating: [], count: drafts.count)
        let owners = spinal.isEmpty ? segmental : spinal
        for level in levels {
            guard let owner = owner(of: level, among: owners, drafts) else { continue }
            levelOwners[owner].append(level)
        }
        return drafts.indices.map { index in
            var fact = build(drafts[index], levels: levelOwners[index], ownSides: sideOwners[index],
                             soleProcedure: drafts.count == 1)
            for mention in extras[index] {
                switch mention.kind {
                case .muscle(let muscle):
                    fact.muscles.append(muscle)
                    fact.evidence.append(mention.range)
                case .electricalGuidance(let kind):
                    fact.electricalGuidance.insert(kind)
                    fact.guidanceEvidence.append(mention.range)
                default:
                    break
                }
            }
            // Sides of the muscles treated count for procedures named by muscles.
            if fact.laterality == nil || fact.laterality == .left || fact.laterality == .right {
                let sides = CaseSet(fact.muscles.compactMap(\.side)).union(fact.laterality.map { [$0] } ?? [])
                if sides.contains(.bilateral) || (sides.contains(.left) && sides.contains(.right)) {
                    fact.laterality = .bilateral
                } else if fact.laterality == nil {
                    fact.laterality = sides.first
                }
            }
            fact.evidence = fact.evidence.normalized()
            return fact
        }
    }

    // MARK: Cues to drafts

    private func groupCues() -> [Draft] {
        // A cue inside a diagnosis phrase names the condition ("facet arthropathy", "SI joint dysfunction").
        let diagnoses = mentions.filter { if case .diagnosis = $0.kind { return true } else { return false } }
        let cues = mentions.filter { mention in
            TodayScope.includes(mention) && mention.procedureCue != nil && !mention.assertion.isPossible
                && !diagnoses.contains { $0.range.contains(mention.range) && $0.range != mention.range }
        }
        let anyStrong = cues.contains { $0.procedureCue?.isWeak == false }
        // A note without clinical headings (dictated in one paragraph) names its procedure anywhere.
        let hasClinicalHeadings = note.sections.contains { ![.preamble, .administrative, .other].contains($0.kind) }
        // A nerve's name in a sentence that names a block: "left sciatic and left femoral nerve blocks".
        let blockSentences = lexicons.blockWords.sentencesWithMatch(in: note)
        func accepted(_ group: (ProcedureCueFamily) -> Bool) -> [Mention] {
            let hasStrong = cues.contains { group($0.procedureCue!.family) && !$0.procedureCue!.isWeak }
            return cues.filter {
                guard group($0.procedureCue!.family) else { return false }
                // A nerve's name alone names a block only beside a block word (not by standing in a title).
                if $0.procedureCue!.family == .nerveBlock, $0.procedureCue!.isWeak, !hasStrong {
                    return blockSentences[$0.sentence]
                }
                return !$0.procedureCue!.isWeak || hasStrong || isTitleLike($0)
                    || (!anyStrong && ($0.section == .procedure || !hasClinicalHeadings))
                    || ($0.procedureCue!.family == .nerveBlock && blockSentences[$0.sentence])
            }
        }
        var drafts: [Draft] = []

        let epidural = accepted { [.epidural, .epiduralInterlaminar, .epiduralCaudal, .epiduralTransforaminal].contains($0) }
        let transforaminal = epidural.filter { $0.procedureCue?.family == .epiduralTransforaminal }
        let interlaminar = epidural.filter { [.epiduralInterlaminar, .epiduralCaudal].contains($0.procedureCue?.family) }
        let generic = epidural.filter { $0.procedureCue?.family == .epidural }
        if !transforaminal.isEmpty {
            drafts.append(Draft(family: .epiduralTransforaminal, cues: transforaminal + generic))
        }
        if !interlaminar.isEmpty || (transforaminal.isEmpty && !generic.isEmpty) {
            let cues = interlaminar + (transforaminal.isEmpty ? generic : [])
            let caudal = interlaminar.contains { $0.procedureCue?.family == .epiduralCaudal }
            drafts.append(Draft(family: .epiduralInterlaminar, cues: cues, isCaudal: caudal))
        }

        let sacroiliac = accepted { $0 == .sacroiliacJoint }
        let facet = accepted { [.facet, .facetJoint, .medialBranchBlock, .facetRFA].contains($0) }
        let facetSpecific = facet.filter { $0.procedureCue?.family != .facetRFA }
        let rfa = facet.filter { $0.procedureCue?.family == .facetRFA }
        if !facet.isEmpty, !(facetSpecific.isEmpty && !sacroiliac.isEmpty) {
            let family: ProcedureFamily
            if !rfa.isEmpty { family = .facetRFA }
            else if facet.contains(where: { $0.procedureCue?.family == .medialBranchBlock }) { family = .medialBranchBlock }
            else { family = .facetJoint }
            if family != .facetJoint || facet.contains(where: { $0.procedureCue?.family == .facetJoint || isTitleLike($0) }) || drafts.isEmpty {
                drafts.append(Draft(family: family, cues: facet))
            }
        }
        // Sacroiliac procedures by technique: the joint, its nerves (lateral branches), or their RFA.
        let siRFA = facetSpecific.isEmpty ? rfa : []
        let siTargets = Set(sacroiliac.map { $0.procedureCue?.target ?? (siRFA.isEmpty ? "joint" : "rfa") })
        for target in ["joint", "nerves", "rfa"] where siTargets.contains(target) {
            let own = sacroiliac.filter { ($0.procedureCue?.target ?? (siRFA.isEmpty ? "joint" : "rfa")) == target }
            // "sacroiliac joint" alone beside a lateral-branch block or an RFA names their joint, not an injection.
            if target == "joint", siTargets.count > 1, own.allSatisfy({ $0.procedureCue?.isWeak == true }) { continue }
            drafts.append(Draft(family: .sacroiliacJoint, target: target == "joint" ? nil : target,
                                cues: own + (target == "rfa" ? siRFA : [])))
        }
        if siTargets.isEmpty, !siRFA.isEmpty, !sacroiliac.isEmpty {
            drafts.append(Draft(family: .sacroiliacJoint, target: "rfa", cues: siRFA))
        }

        let blocks = accepted { $0 == .nerveBlock }
        let targets = blocks.compactMap { $0.procedureCue?.target }.normalized()
        for target in targets {
            let own = blocks.filter { $0.procedureCue?.target == target || (targets.count == 1 && $0.procedureCue?.target == nil) }
            drafts.append(Draft(family: .nerveBlock, target: target, cues: own))
        }
        if targets.isEmpty, !blocks.isEmpty, drafts.isEmpty {
            drafts.append(Draft(family: .nerveBlock, cues: blocks))
        }
        for (cueFamily, family) in [(ProcedureCueFamily.triggerPoint, ProcedureFamily.triggerPoint),
                                    (.acupuncture, .acupuncture), (.dryNeedling, .dryNeedling),
                                    (.chemodenervation, .chemodenervation)] {
            let own = accepted { $0 == cueFamily }
            if !own.isEmpty { drafts.append(Draft(family: family, cues: own)) }
        }
        let others = accepted { $0 == .other }
        if !others.isEmpty, drafts.isEmpty || others.contains(where: { $0.procedureCue?.isWeak == false }) {
            let target = others.first(where: { $0.procedureCue?.isWeak == false })?.procedureCue?.target ?? others[0].procedureCue?.target
            drafts.append(Draft(family: .other, target: target, cues: others))
        }
        return drafts
    }

    /// The note's title (its first lines before any heading) or the first line under a procedure heading.
    func isTitleLike(_ mention: Mention) -> Bool {
        let sentence = note.sentences[mention.sentence]
        let section = note.sections[sentence.section]
        if section.kind == .preamble { return mention.sentence < 3 }
        guard section.kind == .procedure else { return false }
        return firstBodySentence[sentence.section] == mention.sentence
    }

    /// A sentence that states findings (a diagnosis, an imaging study, where contrast spread) and
    /// names no procedure: its levels and sides are not treated ones.
    private func sentenceIsFindingOnly(_ sentence: Int) -> Bool {
        sentence < findingOnly.count && findingOnly[sentence]
    }

    private func owner(of level: Mention, among owners: [Int], _ drafts: [Draft]) -> Int? {
        guard owners.count > 1 else { return owners.first }
        var best: (Int, Int)?
        for owner in owners {
            for cue in drafts[owner].cues {
                let distance: Int
                if cue.sentence == level.sentence {
                    distance = abs(cue.tokens.lowerBound - level.tokens.lowerBound)
                } else if cue.tokens.lowerBound < level.tokens.lowerBound {
                    distance = 10_000 + level.tokens.lowerBound - cue.tokens.lowerBound
                } else {
                    continue
                }
                if best == nil || distance < best!.1 { best = (owner, distance) }
            }
        }
        return best?.0 ?? owners.first
    }
}
