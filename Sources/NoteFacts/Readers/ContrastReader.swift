import ClinicalText
import NoteTagging

/// Contrast: documented when an affirmed contrast cue stands in today's sections; withheld when the
/// note says so (a negated cue next to an allergy or contraindication); the agent is the first
/// named one. Views: distinct views of the final needle position (only views in sentences that
/// speak of the final position, when any do); a bare "lateral" counts only in a sentence that
/// also names a view or imaging.
enum ContrastReader {
    /// `withheldWords`: words that, in a sentence with a negated contrast cue, mean contrast was withheld.
    static func read(_ mentions: [Mention], _ note: AnalyzedNote, cues: SentenceCues, withheldWords: KeySet) -> ContrastFact {
        var fact = ContrastFact()
        var views = CaseSet<NeedleView>()
        var viewMentions: [(range: TextRange, sentence: Int, cue: ViewCue)] = []
        let strongViewSentences = Set(mentions.compactMap { mention -> Int? in
            if case .view(let cue) = mention.kind, !cue.isWeak { return mention.sentence }
            if case .guidance(let kind) = mention.kind, kind != .none { return mention.sentence }
            return nil
        })
        for mention in mentions where TodayScope.describesToday(mention.section) {
            switch mention.kind {
            case .contrast(let cue):
                if mention.isCurrentFact && !sentenceHas(withheldWords, mention.sentence, note) {
                    fact.documented = true
                    if fact.agent == nil { fact.agent = cue.agent }
                    fact.evidence.append(mention.range)
                } else if sentenceHas(withheldWords, mention.sentence, note) {
                    fact.withheld = true
                    fact.evidence.append(mention.range)
                } else if mention.assertion.isNegated {
                    fact.evidence.append(mention.range)
                }
            case .view(let cue) where mention.isCurrentFact:
                if cue.isWeak && !strongViewSentences.contains(mention.sentence) { continue }
                viewMentions.append((mention.range, mention.sentence, cue))
            default:
                continue
            }
        }
        // Views tied to the final needle position, when the note ties any; otherwise every view.
        let final = viewMentions.filter { cues.finalPosition[$0.sentence] }
        for view in final.isEmpty ? viewMentions : final {
            views.formUnion(view.cue.views)
            fact.viewEvidence.append(view.range)
        }
        if fact.documented { fact.withheld = false }
        // "Allergies: iodinated contrast" or "contrast allergy" anywhere: withheld for allergy.
        if !fact.documented {
            for mention in mentions {
                guard case .contrast = mention.kind, mention.section == .allergies
                        || sentenceHas(withheldWords, mention.sentence, note) else { continue }
                fact.withheld = true
                fact.evidence.append(mention.range)
            }
        }
        fact.views = Array(views)  // in NeedleView order
        fact.evidence = fact.evidence.normalized()
        fact.viewEvidence = fact.viewEvidence.normalized()
        return fact
    }

    static func sentenceHas(_ words: KeySet, _ sentence: Int, _ note: AnalyzedNote) -> Bool {
        note.sentences[sentence].tokens.contains { words.contains(note.tokens[$0]) }
    }
}
