import ClinicalText
import NoteTagging

/// Pain before and after: the first score taken before the procedure and the last one after it.
/// A score without a timing word is "before" in the sections that precede a procedure (history,
/// indication, pre-procedure assessment) and "after" in the post-procedure sections; in a procedure
/// section (or a note without headings) it is "before" until the procedure is named there, and
/// "after" once it has been.
enum PainReader {
    static let beforeSections: CaseSet<SectionKind> = [.indication, .presentIllness, .preProcedure, .examination, .diagnosis,
                                                   .imaging]
    static let afterSections: CaseSet<SectionKind> = [.postProcedure, .complications]

    /// Sections whose scores are not today's.
    static let excludedSections: CaseSet<SectionKind> = [.pastHistory, .plan, .consent, .familyHistory, .allergies]

    static func read(_ mentions: [Mention], _ note: AnalyzedNote) -> PainFacts {
        var facts = PainFacts()
        func sectionIndex(_ index: Int) -> Int { note.sentences[mentions[index].sentence].section }
        for index in mentions.indices {
            guard case .painScore(let score) = mentions[index].kind else { continue }
            let (section, range) = (mentions[index].section, mentions[index].range)
            guard mentions[index].assertion.isAffirmedCurrent, !excludedSections.contains(section) else { continue }
            var timing = score.timing
            if timing == nil {
                if beforeSections.contains(section) { timing = .pre }
                else if afterSections.contains(section) { timing = .post }
                else if section == .procedure || section == .other || section == .preamble {
                    // Before the procedure is named in its section: before; after it: after. The
                    // mentions stand in the note's order: only those before this one can start before it.
                    let named = (0..<index).contains { earlier in
                        guard case .procedure = mentions[earlier].kind else { return false }
                        return mentions[earlier].range.start < range.start && sectionIndex(earlier) == sectionIndex(index)
                    }
                    timing = named ? .post : .pre
                }
            }
            switch timing {
            case .pre?:
                if facts.pre == nil {
                    facts.pre = score.value
                    facts.preEvidence = [range]
                }
            case .post?:
                facts.post = score.value
                facts.postEvidence = [range]
            case nil:
                continue
            }
            if facts.scale == nil { facts.scale = score.scale }
        }
        return facts
    }
}
