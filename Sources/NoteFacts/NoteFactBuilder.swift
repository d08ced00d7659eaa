public import ClinicalText
public import NoteTagging

/// Builds a note's facts from its tagged mentions. Never throws.
public struct NoteFactBuilder: Sendable {
    let diagnoses: DiagnosisReader
    let lexicons: TaggingLexicons

    public init(lexicons: TaggingLexicons) {
        self.lexicons = lexicons
        diagnoses = DiagnosisReader(categoryOfCode: lexicons.diagnosisCodeCategories)
    }

    public func facts(from mentions: [Mention], in note: AnalyzedNote) -> NoteFacts {
        var facts = NoteFacts()
        let cues = SentenceCues(note: note, lexicons: lexicons)
        facts.procedures = ProcedureAssembler(note: note, mentions: mentions, cues: cues, lexicons: lexicons).procedures()
        facts.contrast = ContrastReader.read(mentions, note, cues: cues,
                                             withheldWords: lexicons.conventions.words[.contrastWithheld])
        // Scores before and after are about a procedure: a consult that only plans one has neither.
        facts.pain = facts.procedures.isEmpty ? PainFacts() : PainReader.read(mentions, note)
        (facts.drugs, facts.otherDrugs) = DrugReader.read(mentions, procedures: facts.procedures)
        facts.diagnoses = diagnoses.read(mentions, note)
        // Chemodenervation for migraine treats both sides by its protocol (64615 is bilateral by descriptor).
        let migraine = facts.diagnoses.contains { $0.category == .chronicMigraine || $0.category == .migraine }
        for index in facts.procedures.indices where facts.procedures[index].family == .chemodenervation && migraine {
            facts.procedures[index].laterality = .bilateral
        }
        (facts.documentation, facts.encounter) = DocumentationReader.read(mentions, note, lexicons.conventions)
        return facts
    }
}

/// Sentences that hold words the readers weigh: imaging-study or contrast-spread words (their
/// levels are not treated levels) and words that tie a view to the final needle position.
struct SentenceCues {
    /// By sentence: it holds an imaging-study or contrast-spread word.
    var nonTarget: [Bool]
    /// By sentence: it ties a view to the final needle position.
    var finalPosition: [Bool]

    init(note: AnalyzedNote, lexicons: TaggingLexicons) {
        nonTarget = lexicons.nonTargetCues.sentencesWithMatch(in: note)
        finalPosition = lexicons.finalPositionCues.sentencesWithMatch(in: note)
    }
}
