public import ClinicalText
public import NoteTagging

/// Builds a note's facts from its tagged mentions. Never throws.
public struct NoteFactBuilder: Sendable {
    let diagnoses: DiagnosisReader

    public init(lexicons: TaggingLexicons) {
        diagnoses = DiagnosisReader(categoryOfCode: lexicons.diagnosisCodeCategories)
    }

    public func facts(from mentions: [Mention], in note: AnalyzedNote) -> NoteFacts {
        var facts = NoteFacts()
        facts.procedures = ProcedureAssembler(note: note, mentions: mentions).procedures()
        facts.contrast = ContrastReader.read(mentions, note)
        facts.pain = PainReader.read(mentions)
        (facts.drugs, facts.otherDrugs) = DrugReader.read(mentions)
        facts.diagnoses = diagnoses.read(mentions, note)
        facts.documentation = DocumentationReader.read(mentions)
        return facts
    }
}
