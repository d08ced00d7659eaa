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
        // The usable diagnoses, by their index in `mentions`, in text order.
        var usable: [Int] = []
        for index in mentions.indices {
            guard case .diagnosis = mentions[index].kind else { continue }
            let assertion = mentions[index].assertion
            if !assertion.isNegated && !assertion.isOtherExperiencer && !assertion.isHypothetical
                && !Self.excludedSections.contains(mentions[index].section) {
                usable.append(index, startingRoom: 16)
            }
        }
        var facts: [DiagnosisFact] = []
        facts.reserveCapacity(usable.count)
        var paired = [Bool](filling: false, count: usable.count)  // by position in `usable`: a code's phrase
        for index in usable {
            guard case .diagnosis(let diagnosis) = mentions[index].kind, diagnosis.codeIsWritten, let code = diagnosis.icd10?.description else { continue }
            let (range, sentence) = (mentions[index].range, mentions[index].sentence)
            // The phrase written right before the code ("radiculopathy (M54.16)"), else right after
            // it: the last unpaired phrase of its sentence ending before it, else the first starting after it.
            var before: Int?, after: Int?  // positions in `usable`
            for (position, other) in usable.enumerated() where mentions[other].sentence == sentence && !paired[position] {
                guard case .diagnosis(let value) = mentions[other].kind, !value.codeIsWritten else { continue }
                if mentions[other].range.end <= range.start { before = position }
                if after == nil, mentions[other].range.start >= range.end { after = position }
            }
            var category = category(of: code)
            var evidence: [TextRange]
            var text = code
            if let position = before ?? after, case .diagnosis(let value) = mentions[usable[position]].kind {
                // The clinician's words are finer than the code's prefix ("chronic low back pain (M54.50)").
                let phrase = mentions[usable[position]].range
                category = value.category ?? category
                text = note.text.lowercased(phrase)
                evidence = phrase < range ? [phrase, range] : [range, phrase]
                paired[position] = true
            } else {
                evidence = [range]
            }
            facts.append(DiagnosisFact(code: code, text: text, category: category, evidence: evidence.normalized()))
        }
        for (position, index) in usable.enumerated() where !paired[position] {
            guard case .diagnosis(let diagnosis) = mentions[index].kind, !diagnosis.codeIsWritten else { continue }
            let text = note.text.lowercased(mentions[index].range)
            // A text already stated (a note lists a handful of diagnoses: a scan, no hashing).
            guard !facts.contains(where: { $0.text == text }) else { continue }
            facts.append(DiagnosisFact(code: nil, text: text, category: diagnosis.category, evidence: [mentions[index].range]))
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
