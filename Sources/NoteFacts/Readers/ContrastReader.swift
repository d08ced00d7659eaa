import ClinicalText
import NoteTagging

/// Contrast: documented when an affirmed contrast cue stands in today's sections; withheld when the
/// note says so (a negated cue next to an allergy or contraindication); the agent is the first
/// named one. Views: distinct views of the final needle position; a bare "lateral" counts only in
/// a sentence that also names a view or imaging.
enum ContrastReader {
    static let withheldWords: Set<String> = ["allergy", "allergic", "allergies", "contraindicated", "contraindication",
                                             "reaction", "sensitivity", "intolerance", "withheld"]

    static func read(_ mentions: [Mention], _ note: AnalyzedNote) -> ContrastFact {
        var fact = ContrastFact()
        var views: Set<NeedleView> = []
        let strongViewSentences = Set(mentions.compactMap { mention -> Int? in
            if case .view(let cue) = mention.kind, !cue.isWeak { return mention.sentence }
            if case .guidance(let kind) = mention.kind, kind != .none { return mention.sentence }
            return nil
        })
        for mention in mentions where TodayScope.sections.contains(mention.section) {
            switch mention.kind {
            case .contrast(let cue):
                if mention.isCurrentFact {
                    fact.documented = true
                    if fact.agent == nil { fact.agent = cue.agent }
                    fact.evidence.append(mention.range)
                } else if mention.assertion.isNegated {
                    fact.evidence.append(mention.range)
                    if sentenceHas(withheldWords, mention.sentence, note) { fact.withheld = true }
                }
            case .view(let cue) where mention.isCurrentFact:
                if cue.isWeak && !strongViewSentences.contains(mention.sentence) { continue }
                views.formUnion(cue.views)
                fact.viewEvidence.append(mention.range)
            default:
                continue
            }
        }
        // "Allergies: iodinated contrast" or "contrast allergy" anywhere: withheld for allergy.
        if !fact.documented {
            for mention in mentions {
                guard case .contrast = mention.kind, mention.section == .allergies
                        || sentenceHas(withheldWords, mention.sentence, note) else { continue }
                fact.withheld = true
                fact.evidence.append(mention.range)
            }
        }
        fact.views = views.sorted()
        fact.evidence = fact.evidence.normalized()
        fact.viewEvidence = fact.viewEvidence.normalized()
        return fact
    }

    static func sentenceHas(_ words: Set<String>, _ sentence: Int, _ note: AnalyzedNote) -> Bool {
        note.sentences[sentence].tokens.contains { words.contains(note.tokens[$0].key) }
    }
}
