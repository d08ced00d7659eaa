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
        for index in mentions.indices where TodayScope.describesToday(mentions[index].section) {
            let (range, sentence, assertion) = (mentions[index].range, mentions[index].sentence, mentions[index].assertion)
            switch mentions[index].kind {
            case .contrast(let cue):
                if assertion.isAffirmedCurrent && !sentenceHas(withheldWords, sentence, note) {
                    fact.documented = true
                    if fact.agent == nil { fact.agent = cue.agent?.string }
                    fact.evidence.append(range, startingRoom: 8)
                } else if sentenceHas(withheldWords, sentence, note) {
                    fact.withheld = true
                    fact.evidence.append(range, startingRoom: 8)
                } else if assertion.isNegated {
                    fact.evidence.append(range, startingRoom: 8)
                }
            case .view(let cue) where assertion.isAffirmedCurrent:
                if cue.isWeak && !hasStrongViewWord(sentence, mentions) { continue }
                viewMentions.append((range, sentence, cue), startingRoom: 8)
            default:
                continue
            }
        }
        // Views tied to the final needle position, when the note ties any; otherwise every view.
        let final = viewMentions.filter { cues.finalPosition[$0.sentence] }
        for view in final.isEmpty ? viewMentions : final {
            views.formUnion(view.cue.views)
            fact.viewEvidence.append(view.range, startingRoom: 8)
        }
        if fact.documented { fact.withheld = false }
        // "Allergies: iodinated contrast" or "contrast allergy" anywhere: withheld for allergy.
        if !fact.documented {
            for index in mentions.indices {
                guard case .contrast = mentions[index].kind, mentions[index].section == .allergies
                        || sentenceHas(withheldWords, mentions[index].sentence, note) else { continue }
                fact.withheld = true
                fact.evidence.append(mentions[index].range)
            }
        }
        fact.views = Array(views)  // in NeedleView order
        fact.evidence = fact.evidence.normalized()
        fact.viewEvidence = fact.viewEvidence.normalized()
        return fact
    }

    /// A sentence names a view that is not a bare "lateral", or imaging: then a bare "lateral" in it is a view.
    /// The mentions stand in the note's order, so the sentence's own are one run of the list.
    private static func hasStrongViewWord(_ sentence: Int, _ mentions: [Mention]) -> Bool {
        mentions.indices(inSentences: sentence...sentence).contains { index in
            switch mentions[index].kind {
            case .view(let cue): !cue.isWeak
            case .guidance(let kind): kind != .none
            default: false
            }
        }
    }

    static func sentenceHas(_ words: KeySet, _ sentence: Int, _ note: AnalyzedNote) -> Bool {
        note.sentences[sentence].tokens.contains { words.contains(note.tokens[$0]) }
    }
}
