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

    static func read(_ mentions: [Mention], _ note: AnalyzedNote) -> PainFacts {
        var facts = PainFacts()
        func sectionIndex(_ mention: Mention) -> Int { note.sentences[mention.sentence].section }
        for mention in mentions {
            guard case .painScore(let score) = mention.kind, mention.isCurrentFact,
                  ![.pastHistory, .plan, .consent, .familyHistory, .allergies].contains(mention.section) else { continue }
            var timing = score.timing
            if timing == nil {
                if beforeSections.contains(mention.section) { timing = .pre }
                else if afterSections.contains(mention.section) { timing = .post }
                else if mention.section == .procedure || mention.section == .other || mention.section == .preamble {
                    // Before the procedure is named in its section: before; after it: after.
                    let named = mentions.contains {
                        $0.procedureCue != nil && sectionIndex($0) == sectionIndex(mention) && $0.range.start < mention.range.start
                    }
                    timing = named ? .post : .pre
                }
            }
            switch timing {
            case .pre?:
                if facts.pre == nil {
                    facts.pre = score.value
                    facts.preEvidence = [mention.range]
                }
            case .post?:
                facts.post = score.value
                facts.postEvidence = [mention.range]
            case nil:
                continue
            }
            if facts.scale == nil { facts.scale = score.scale }
        }
        return facts
    }
}
