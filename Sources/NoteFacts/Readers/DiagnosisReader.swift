import ClinicalText
import NoteTagging

/// Diagnoses: ICD-10 codes written in the note, each paired with the diagnosis phrase next to it
/// in its sentence, and diagnosis phrases on their own. A pair takes the phrase's category; a code
/// alone the category of the longest listed prefix it starts with ("M54.16" → radiculopathy). Negated and family-history mentions
/// are left out; so are plans.
struct DiagnosisReader {
    /// ICD-10-CM prefix → category, for written codes.
    let categoryOfCode: [String: DiagnosisCategory]

    /// Sections whose diagnoses are not the encounter's.
    private static let excludedSections: CaseSet<SectionKind> = [.plan, .consent, .familyHistory]

    func read(_ mentions: [Mention], _ note: AnalyzedNote) -> [DiagnosisFact] {
        let usable = mentions.filter { mention in
            guard case .diagnosis = mention.kind else { return false }
            return !mention.assertion.isNegated && !mention.assertion.isOtherExperiencer && !mention.assertion.isHypothetical
                && !Self.excludedSections.contains(mention.section)
        }
        var facts: [DiagnosisFact] = []
        var pairedPhrases: Set<TextRange> = []
        for mention in usable {
            guard case .diagnosis(let diagnosis) = mention.kind, diagnosis.codeIsWritten, let code = diagnosis.icd10 else { continue }
            // The phrase written right before the code ("radiculopathy (M54.16)"), else right after
            // it: the last unpaired phrase of its sentence ending before it, else the first starting after it.
            var before: Mention?, after: Mention?
            for other in usable where other.sentence == mention.sentence {
                guard case .diagnosis(let value) = other.kind, !value.codeIsWritten, !pairedPhrases.contains(other.range) else { continue }
                if other.range.end <= mention.range.start { before = other }
                if after == nil, other.range.start >= mention.range.end { after = other }
            }
            let phrase = before ?? after
            var category = category(of: code)
            var evidence = [mention.range]
            var text = code
            if let phrase, case .diagnosis(let value) = phrase.kind {
                // The clinician's words are finer than the code's prefix ("chronic low back pain (M54.50)").
                category = value.category ?? category
                text = note.text[phrase.range].lowercased()
                evidence.append(phrase.range)
                pairedPhrases.insert(phrase.range)
            }
            facts.append(DiagnosisFact(code: code, text: text, category: category, evidence: evidence.normalized()))
        }
        var seen: Set<String> = Set(facts.map(\.text))
        for mention in usable where !pairedPhrases.contains(mention.range) {
            guard case .diagnosis(let diagnosis) = mention.kind, !diagnosis.codeIsWritten else { continue }
            let text = note.text[mention.range].lowercased()
            guard seen.insert(text).inserted else { continue }
            facts.append(DiagnosisFact(code: nil, text: text, category: diagnosis.category, evidence: [mention.range]))
        }
        return facts
    }

    /// The category of the longest listed prefix that the written code starts with: the code and
    /// its shorter prefixes looked up in turn (a few lookups, not a test of every listed prefix).
    func category(of code: String) -> DiagnosisCategory? {
        var prefix = Substring(code)
        while !prefix.isEmpty {
            if let category = categoryOfCode[String(prefix)] { return category }
            prefix = prefix.dropLast()
        }
        return nil
    }
}
