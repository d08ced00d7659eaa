import ClinicalText
import NoteTagging

/// Drafts to facts: each procedure's levels, sides, conflicts between heading and description,
/// guidance and region.
extension ProcedureAssembler {
    func build(_ draft: Draft, levels allLevels: [Mention], ownSides: [Mention], soleProcedure: Bool) -> ProcedureFact {
        // Facet procedures named by their nerves: bare vertebrae elsewhere are landmarks, not targets.
        var levels = allLevels
        if [.medialBranchBlock, .facetRFA, .facetJoint].contains(draft.family),
           levels.contains(where: { Self.isNerveReading($0) }) {
            levels = levels.filter { Self.isNerveReading($0) || Self.hasSpan($0) }
        }
        // Lists reserved for what they will hold: grown from one element, each would allocate three or four times.
        var evidence: [TextRange] = [], cueSentences: [Int] = [], levelSentences: [Int] = []
        evidence.reserveCapacity(draft.cues.count + levels.count + ownSides.count + 8)
        cueSentences.reserveCapacity(draft.cues.count)
        levelSentences.reserveCapacity(levels.count)
        for index in draft.cues.indices {
            evidence.append(draft.cues[index].range)
            cueSentences.append(draft.cues[index].sentence)
        }
        for index in levels.indices { levelSentences.append(levels[index].sentence) }
        cueSentences = cueSentences.normalized()
        levelSentences = levelSentences.normalized()

        // Sides: next to its levels, and in the sentences of its cues and levels.
        var sides = CaseSet<Side>()
        var levelSideWithCue = false
        for index in levels.indices {
            guard let side = levels[index].levelSide else { continue }
            sides.insert(side)
            if cueSentences.contains(levels[index].sentence) { levelSideWithCue = true }
        }
        let levelSides = sides  // the sides named beside the levels themselves
        // A side named with the procedure itself ("Right stellate ganglion block") wins over sides
        // named elsewhere (positioning, symptoms).
        let namedWithCue = ownSides.filter { cueSentences.contains($0.sentence) }
        var sideSources = draft.family.isSpinal || (namedWithCue.isEmpty && !levelSideWithCue) ? ownSides : namedWithCue
        // Acupuncture points are not sided procedures: only a side named with the procedure counts.
        if draft.family == .acupuncture { sideSources = namedWithCue }
        for mention in sideSources {
            guard case .side(let side) = mention.kind else { continue }
            // Spinal procedures take sides from the sentences that name them or their levels.
            if draft.family.isSpinal, !cueSentences.contains(mention.sentence), !levelSentences.contains(mention.sentence) { continue }
            sides.insert(side)
            evidence.append(mention.range)
        }
        let laterality: Side? = sides.contains(.bilateral) || (sides.contains(.left) && sides.contains(.right))
            ? .bilateral : sides.first

        // Levels, each read once for the family (by index in `levels`; nil for a mention that is no level).
        let readings = levels.indices.map { index -> LevelReader.Reading? in
            guard case .level(let value) = levels[index].kind else { return nil }
            return LevelReader.read(value, family: draft.family)
        }
        var segments: [SpinalSegment] = []
        var bySide = LevelsBySide()
        var nerves: [(Vertebra, Side?)] = []
        if draft.isCaudal {
            segments = [.sacralHiatus]
        } else if draft.family.isSpinal || draft.family == .nerveBlock {
            // When levels are named per side and the sides differ ("left L4-5 and L5-S1, right L5-S1"),
            // those decide each side's levels; levels named without a side then only add to the list.
            let anySided = levelSides.contains(.left) && levelSides.contains(.right)
            for index in levels.indices {
                guard let read = readings[index] else { continue }
                let levelSide = levels[index].levelSide
                segments.append(contentsOf: read.segments, startingRoom: 8)
                for nerve in read.nerves { nerves.append((nerve, levelSide), startingRoom: 8) }
                if levelSide != nil || !anySided {
                    for side in Self.sides(levelSide ?? laterality) { bySide[side].append(contentsOf: read.segments, startingRoom: 8) }
                }
                evidence.append(levels[index].range)
            }
            if !nerves.isEmpty {
                let joints = LevelReader.joints(fromNerves: nerves.map(\.0))
                segments += joints
                for side in Self.sides(.bilateral) {
                    let own = nerves.filter { Self.sides($0.1 ?? laterality).contains(side) }.map(\.0)
                    if !own.isEmpty { bySide[side] += LevelReader.joints(fromNerves: own) }
                }
            }
        }
        segments = segments.normalized()
        bySide.normalize()

        let (guidance, guidanceEvidence) = guidance(for: draft, cueSentences: cueSentences, soleProcedure: soleProcedure)
        evidence += guidanceEvidence
        let conflicts = conflicts(draft, levels: levels, readings: readings, sides: sideSources)
        // Heading and description name different levels: the description says what was done.
        if conflicts.contains(where: { $0.kind == .level }) {
            let headingSentences = headingSentences(of: draft)
            var bodySegments: [SpinalSegment] = []
            for (level, read) in zip(levels, readings) where !headingSentences.contains(level.sentence) {
                bodySegments += read?.segments ?? []
            }
            segments = bodySegments.normalized()
            bySide.filter { segments.contains($0) }
        }
        return ProcedureFact(
            family: draft.family, region: region(draft, segments, cueSentences), levels: segments, levelsBySide: bySide,
            laterality: conflicts.contains { $0.kind == .side } ? nil : laterality, guidance: guidance, target: draft.target,
            isCaudal: draft.isCaudal, conflicts: conflicts, evidence: evidence.normalized(),
            guidanceEvidence: guidanceEvidence.normalized())
    }

    /// The heading (the title, or the first line under a procedure heading) against the
    /// description: a side or levels named in both that have nothing in common.
    /// `sides`: the side mentions that count for the procedure.
    private func conflicts(_ draft: Draft, levels: [Mention], readings: [LevelReader.Reading?], sides: [Mention]) -> [Conflict] {
        let headingSentences = headingSentences(of: draft)
        guard !headingSentences.isEmpty else { return [] }
        // What the heading and the description each name (short lists: a procedure has a few
        // levels and sides); the spans that name them are gathered only for a conflict.
        func named(inHeading: Bool, withSpans: Bool) -> NamedParts {
            var parts = NamedParts(withSpans: withSpans)
            for index in levels.indices where headingSentences.contains(levels[index].sentence) == inHeading {
                guard case .level(let level) = levels[index].kind, let read = readings[index] else { continue }
                for segment in read.segments { parts.add(segment, levels[index].range) }
                if let side = level.side { parts.add(side, levels[index].range) }
            }
            for mention in sides where headingSentences.contains(mention.sentence) == inHeading {
                guard case .side(let side) = mention.kind else { continue }
                parts.add(side, mention.range)
            }
            return parts
        }
        let (heading, body) = (named(inHeading: true, withSpans: false), named(inHeading: false, withSpans: false))
        let sidesDiffer = heading.isOneSided && body.isOneSided && heading.sides != body.sides
        let levelsDiffer = !heading.levels.isEmpty && !body.levels.isEmpty && !heading.levels.contains(where: body.levels.contains)
        guard sidesDiffer || levelsDiffer else { return [] }
        let (headingSpans, bodySpans) = (named(inHeading: true, withSpans: true), named(inHeading: false, withSpans: true))
        var out: [Conflict] = []
        if sidesDiffer {
            out.append(Conflict(kind: .side, evidence: (headingSpans.sideEvidence + bodySpans.sideEvidence).normalized()))
        }
        if levelsDiffer {
            out.append(Conflict(kind: .level, evidence: (headingSpans.levelEvidence + bodySpans.levelEvidence).normalized()))
        }
        return out
    }

    /// The sides and levels one part of a note (a procedure's heading or its description) names,
    /// and, when asked, the spans that name them.
    private struct NamedParts {
        let withSpans: Bool
        var sides = CaseSet<Side>(), sideEvidence: [TextRange] = []
        var levels: [SpinalSegment] = [], levelEvidence: [TextRange] = []

        init(withSpans: Bool) { self.withSpans = withSpans }

        mutating func add(_ side: Side, _ range: TextRange) {
            sides.insert(side)
            if withSpans { sideEvidence.append(range) }
        }

        mutating func add(_ level: SpinalSegment, _ range: TextRange) {
            if !levels.contains(level) { levels.append(level) }
            if withSpans { levelEvidence.append(range) }
        }

        /// One side, not both.
        var isOneSided: Bool { sides.underestimatedCount == 1 && !sides.contains(.bilateral) }
    }

    private static func isNerveReading(_ mention: Mention) -> Bool {
        guard case .level(let level) = mention.kind else { return false }
        return level.reading == .medialBranch || level.reading == .dorsalRamus
    }

    private static func hasSpan(_ mention: Mention) -> Bool {
        guard case .level(let level) = mention.kind else { return false }
        return level.items.contains { if case .span = $0 { return true } else { return false } }
    }

    /// The sides a laterality covers: bilateral is left and right (in that order).
    private static func sides(_ side: Side?) -> CaseSet<Side> {
        var sides = CaseSet<Side>()
        switch side {
        case .left: sides.insert(.left)
        case .right: sides.insert(.right)
        case .bilateral: sides.insert(.left); sides.insert(.right)
        case nil: break
        }
        return sides
    }

    /// The guidance named most in today's sections (three times more in the procedure's own
    /// sentences); "none" when the note says no imaging was used and that statement outweighs any
    /// mention of imaging. A procedure rarely image-guided (trigger points, acupuncture, dry
    /// needling, chemodenervation) that shares the note with others takes only its own sentences.
    private func guidance(for draft: Draft, cueSentences: [Int], soleProcedure: Bool) -> (GuidanceKind?, [TextRange]) {
        var counts = InlineArray<4, Int>(repeating: 0)  // by GuidanceKind's case ordinal
        assert(GuidanceKind.allCases.count == counts.count, "a guidance kind without a count")
        var evidence: [TextRange] = []
        let ownSentencesOnly = !draft.family.usesImaging && !soleProcedure
        for index in mentions.indices where TodayScope.describesToday(mentions[index].section) {
            guard case .guidance(var kind) = mentions[index].kind else { continue }
            let (assertion, sentence) = (mentions[index].assertion, mentions[index].sentence)
            guard !assertion.isHistorical, !assertion.isHypothetical, !assertion.isOtherExperiencer else { continue }
            if ownSentencesOnly && !cueSentences.contains(sentence) { continue }
            if assertion.isNegated {
                guard kind != .none else { continue }  // "not landmark-guided" says nothing
                kind = .none
            }
            counts[kind.caseOrdinal] += cueSentences.contains(sentence) ? 3 : 1
            evidence.append(mentions[index].range, startingRoom: 8)
        }
        // The kind counted most; on a tie the first in the order fluoroscopy, CT, ultrasound, none.
        var best: GuidanceKind?
        for kind in GuidanceKind.allCases where counts[kind.caseOrdinal] > (best.map { counts[$0.caseOrdinal] } ?? 0) { best = kind }
        guard let best else { return (nil, []) }
        return (best, evidence)
    }

    private func region(_ draft: Draft, _ segments: [SpinalSegment], _ cueSentences: [Int]) -> Region? {
        switch draft.family {
        case .sacroiliacJoint: return .lumbarSacral
        case .nerveBlock, .triggerPoint, .acupuncture, .dryNeedling, .chemodenervation, .other: return nil
        default: break
        }
        if draft.isCaudal { return .lumbarSacral }
        if !segments.isEmpty {
            // The region most levels are in; a tie (T12-L1 with L1-L2, LV-11) counts as lumbar.
            let upper = segments.filter { [.c, .t].contains($0.vertebraRegion) }.count
            return upper * 2 > segments.count ? .cervicalThoracic : .lumbarSacral
        }
        let words = mentions.compactMap { mention -> (RegionWord, Bool)? in
            guard mention.isToday, case .region(let word) = mention.kind else { return nil }
            return (word, cueSentences.contains(mention.sentence))
        }
        let preferred = words.first(where: \.1)?.0 ?? words.first?.0
        switch preferred {
        case .cervical, .thoracic: return .cervicalThoracic
        case .lumbar, .sacral: return .lumbarSacral
        case nil: return nil
        }
    }
}

extension Mention {
    /// The side named right next to a level ("left L4-5"); nil for none, or for a mention that is no level.
    var levelSide: Side? { if case .level(let level) = kind { level.side } else { nil } }

    var procedureCue: ProcedureCue? {
        if case .procedure(let cue) = kind { return cue }
        return nil
    }
}
