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
        var strongCue = [Bool](filling: false, count: note.sentences.count)
        var diagnosis = strongCue
        for index in mentions.indices where mentions[index].sentence < strongCue.count {
            let sentence = mentions[index].sentence
            switch mentions[index].kind {
            case .procedure(let cue) where !cue.isWeak: strongCue[sentence] = true
            case .diagnosis: diagnosis[sentence] = true
            default: continue
            }
        }
        findingOnly = strongCue.indices.map { !strongCue[$0] && (diagnosis[$0] || cues.nonTarget[$0]) }
        var firstBody = [Int](filling: -1, count: note.sections.count)
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
        var levels: [Mention] = [], muscleTokens: [Range<Int>] = []
        for index in mentions.indices {
            switch mentions[index].kind {
            case .level where mentions[index].isToday && !sentenceIsFindingOnly(mentions[index].sentence):
                levels.append(mentions[index], startingRoom: 8)
            case .muscle:
                muscleTokens.append(mentions[index].tokens, startingRoom: 8)
            default:
                continue
            }
        }
        // By draft: the sides, muscles and electrical guidance it owns, and (below) its levels.
        var sideOwners = [[Mention]](filling: [], count: drafts.count)
        var extras = sideOwners
        let everyDraft = Array(drafts.indices)
        let muscleDrafts = drafts.indices.filter { [.triggerPoint, .dryNeedling, .chemodenervation, .acupuncture].contains(drafts[$0].family) }
        for index in mentions.indices where mentions[index].isToday {
            switch mentions[index].kind {
            case .side:
                // A side inside a level or a muscle phrase belongs to that phrase.
                let tokens = mentions[index].tokens
                guard !sentenceIsFindingOnly(mentions[index].sentence),
                      !levels.indices.contains(where: { levels[$0].tokens.overlaps(tokens) }),
                      !muscleTokens.contains(where: { $0.overlaps(tokens) }),
                      let owner = owner(of: mentions[index], among: everyDraft, drafts) else { continue }
                sideOwners[owner].append(mentions[index], startingRoom: 8)
            case .muscle, .electricalGuidance:
                if let owner = owner(of: mentions[index], among: muscleDrafts, drafts) {
                    extras[owner].append(mentions[index])
                }
            default:
                continue
            }
        }
        let spinal = drafts.indices.filter { drafts[$0].family.isSpinal }
        let segmental = drafts.indices.filter { drafts[$0].family == .nerveBlock && ["intercostal", "paravertebral"].contains(drafts[$0].target ?? "") }
        var levelOwners = [[Mention]](filling: [], count: drafts.count)
        let owners = spinal.isEmpty ? segmental : spinal
        for level in levels {
            guard let owner = owner(of: level, among: owners, drafts) else { continue }
            levelOwners[owner].append(level, startingRoom: 8)
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
        // The cues, by their index in `mentions`: the groups below are filtered as indices, and
        // only a draft's own cues are copied out. A cue inside a diagnosis phrase names the
        // condition ("facet arthropathy", "SI joint dysfunction").
        // One pass, into reserved lists (`filter` grows its list from one element).
        var diagnoses: [TextRange] = [], cues: [Int] = []
        diagnoses.reserveCapacity(16)
        cues.reserveCapacity(16)
        for index in mentions.indices {
            if case .diagnosis = mentions[index].kind {
                diagnoses.append(mentions[index].range)
            } else if mentions[index].isToday && mentions[index].procedureCue != nil && !mentions[index].assertion.isPossible {
                cues.append(index)
            }
        }
        cues.removeAll { index in
            let range = mentions[index].range
            return diagnoses.contains { $0.contains(range) && $0 != range }
        }
        func cue(_ index: Int) -> ProcedureCue { mentions[index].procedureCue! }
        func family(_ index: Int) -> ProcedureCueFamily { cue(index).family }
        func isWeak(_ index: Int) -> Bool { cue(index).isWeak }
        func copies(of indices: [Int]) -> [Mention] { indices.map { mentions[$0] } }
        let anyStrong = cues.contains { !isWeak($0) }
        // A note without clinical headings (dictated in one paragraph) names its procedure anywhere.
        let hasClinicalHeadings = note.sections.contains { ![.preamble, .administrative, .other].contains($0.kind) }
        // A nerve's name in a sentence that names a block: "left sciatic and left femoral nerve blocks".
        let blockSentences = lexicons.blockWords.sentencesWithMatch(in: note)
        func accepted(_ group: (ProcedureCueFamily) -> Bool) -> [Int] {
            let hasStrong = cues.contains { group(family($0)) && !isWeak($0) }
            var kept: [Int] = []  // most groups keep none: reserved at the first kept
            for position in cues.indices {
                let index = cues[position]
                let (family, isWeak, sentence) = (family(index), isWeak(index), mentions[index].sentence)
                guard group(family) else { continue }
                // A nerve's name alone names a block only beside a block word (not by standing in a title).
                let isAccepted = family == .nerveBlock && isWeak && !hasStrong ? blockSentences[sentence]
                    : !isWeak || hasStrong || isTitleLike(sentence: sentence)
                        || (!anyStrong && (mentions[index].section == .procedure || !hasClinicalHeadings))
                        || (family == .nerveBlock && blockSentences[sentence])
                guard isAccepted else { continue }
                if kept.isEmpty { kept.reserveCapacity(cues.count) }
                kept.append(index)
            }
            return kept
        }
        var drafts: [Draft] = []

        let epidural = accepted { [.epidural, .epiduralInterlaminar, .epiduralCaudal, .epiduralTransforaminal].contains($0) }
        let transforaminal = epidural.filter { family($0) == .epiduralTransforaminal }
        let interlaminar = epidural.filter { [.epiduralInterlaminar, .epiduralCaudal].contains(family($0)) }
        let generic = epidural.filter { family($0) == .epidural }
        if !transforaminal.isEmpty {
            drafts.append(Draft(family: .epiduralTransforaminal, cues: copies(of: transforaminal + generic)))
        }
        if !interlaminar.isEmpty || (transforaminal.isEmpty && !generic.isEmpty) {
            let cues = interlaminar + (transforaminal.isEmpty ? generic : [])
            let caudal = interlaminar.contains { family($0) == .epiduralCaudal }
            drafts.append(Draft(family: .epiduralInterlaminar, cues: copies(of: cues), isCaudal: caudal))
        }

        let sacroiliac = accepted { $0 == .sacroiliacJoint }
        let facet = accepted { [.facet, .facetJoint, .medialBranchBlock, .facetRFA].contains($0) }
        let facetSpecific = facet.filter { family($0) != .facetRFA }
        let rfa = facet.filter { family($0) == .facetRFA }
        if !facet.isEmpty, !(facetSpecific.isEmpty && !sacroiliac.isEmpty) {
            let procedure: ProcedureFamily
            if !rfa.isEmpty { procedure = .facetRFA }
            else if facet.contains(where: { family($0) == .medialBranchBlock }) { procedure = .medialBranchBlock }
            else { procedure = .facetJoint }
            if procedure != .facetJoint || facet.contains(where: { family($0) == .facetJoint || isTitleLike(sentence: mentions[$0].sentence) }) || drafts.isEmpty {
                drafts.append(Draft(family: procedure, cues: copies(of: facet)))
            }
        }
        // Sacroiliac procedures by technique: the joint, its nerves (lateral branches), or their RFA.
        let siRFA = facetSpecific.isEmpty ? rfa : []
        func siTarget(_ index: Int) -> String { cue(index).target?.string ?? (siRFA.isEmpty ? "joint" : "rfa") }
        let siTargets = Set(sacroiliac.map(siTarget))
        for target in ["joint", "nerves", "rfa"] where siTargets.contains(target) {
            let own = sacroiliac.filter { siTarget($0) == target }
            // "sacroiliac joint" alone beside a lateral-branch block or an RFA names their joint, not an injection.
            if target == "joint", siTargets.count > 1, own.allSatisfy({ isWeak($0) }) { continue }
            drafts.append(Draft(family: .sacroiliacJoint, target: target == "joint" ? nil : target,
                                cues: copies(of: own + (target == "rfa" ? siRFA : []))))
        }
        if siTargets.isEmpty, !siRFA.isEmpty, !sacroiliac.isEmpty {
            drafts.append(Draft(family: .sacroiliacJoint, target: "rfa", cues: copies(of: siRFA)))
        }

        let blocks = accepted { $0 == .nerveBlock }
        let targets = blocks.compactMap { cue($0).target }.normalized()
        for target in targets {
            let own = blocks.filter { cue($0).target == target || (targets.count == 1 && cue($0).target == nil) }
            drafts.append(Draft(family: .nerveBlock, target: target.string, cues: copies(of: own)))
        }
        if targets.isEmpty, !blocks.isEmpty, drafts.isEmpty {
            drafts.append(Draft(family: .nerveBlock, cues: copies(of: blocks)))
        }
        for (cueFamily, procedure) in [(ProcedureCueFamily.triggerPoint, ProcedureFamily.triggerPoint),
                                       (.acupuncture, .acupuncture), (.dryNeedling, .dryNeedling),
                                       (.chemodenervation, .chemodenervation)] {
            let own = accepted { $0 == cueFamily }
            if !own.isEmpty { drafts.append(Draft(family: procedure, cues: copies(of: own))) }
        }
        let others = accepted { $0 == .other }
        if !others.isEmpty, drafts.isEmpty || others.contains(where: { !isWeak($0) }) {
            let target = others.first(where: { !isWeak($0) }).flatMap { cue($0).target } ?? cue(others[0]).target
            drafts.append(Draft(family: .other, target: target?.string, cues: copies(of: others)))
        }
        return drafts
    }

    /// The note's title (its first lines before any heading) or the first line under a procedure heading.
    func isTitleLike(sentence index: Int) -> Bool {
        let sentence = note.sentences[index]
        let section = note.sections[sentence.section]
        if section.kind == .preamble { return index < 3 }
        guard section.kind == .procedure else { return false }
        return firstBodySentence[sentence.section] == index
    }

    /// The sentences of a draft's cues that stand in a title or a procedure heading's first line, in order.
    func headingSentences(of draft: Draft) -> [Int] {
        var sentences: [Int] = []
        for index in draft.cues.indices where isTitleLike(sentence: draft.cues[index].sentence) {
            sentences.append(draft.cues[index].sentence, startingRoom: draft.cues.count)
        }
        return sentences.normalized()
    }

    /// A sentence that states findings (a diagnosis, an imaging study, where contrast spread) and
    /// names no procedure: its levels and sides are not treated ones.
    private func sentenceIsFindingOnly(_ sentence: Int) -> Bool {
        sentence < findingOnly.count && findingOnly[sentence]
    }

    /// The draft whose cue stands nearest before a mention: in its sentence, else earlier.
    private func owner(of mention: Mention, among owners: [Int], _ drafts: [Draft]) -> Int? {
        guard owners.count > 1 else { return owners.first }
        var best: (Int, Int)?
        for owner in owners {
            for cue in drafts[owner].cues {
                let distance: Int
                if cue.sentence == mention.sentence {
                    distance = abs(cue.tokens.lowerBound - mention.tokens.lowerBound)
                } else if cue.tokens.lowerBound < mention.tokens.lowerBound {
                    distance = 10_000 + mention.tokens.lowerBound - cue.tokens.lowerBound
                } else {
                    continue
                }
                if best == nil || distance < best!.1 { best = (owner, distance) }
            }
        }
        return best?.0 ?? owners.first
    }
}
