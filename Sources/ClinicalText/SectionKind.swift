/// What a section of a note is about; section names feed context (a history section is not what
/// was done today, a plan section is hypothetical). Raw values are the names used in
/// `Lexicons/layout/sections.tsv`.
public enum SectionKind: String, Sendable, CaseIterable, CaseHashable {
    /// Text before any heading.
    case preamble
    /// Procedure name, description, technique, findings during the procedure.
    case procedure
    /// Pre- and postoperative diagnoses, assessment, impression.
    case diagnosis
    /// Indication, reason for the procedure, chief complaint.
    case indication
    /// History of present illness, subjective, interval history: current story.
    case presentIllness = "present-illness"
    /// Past medical, surgical or social history, prior procedures.
    case pastHistory = "past-history"
    /// Family history: other experiencer.
    case familyHistory = "family-history"
    /// Home or current medications (not what was injected).
    case homeMedications = "home-medications"
    /// Medications section of unknown kind (may list injected drugs).
    case medications
    /// Allergies.
    case allergies
    /// Imaging and test results (MRI findings name levels that were not treated).
    case imaging
    /// Plan, recommendations, follow-up: hypothetical.
    case plan
    /// Consent and risk discussion: hypothetical.
    case consent
    /// Complications.
    case complications
    /// Post-procedure course, disposition, discharge.
    case postProcedure = "post-procedure"
    /// Pre-procedure assessment (vitals, pre-procedure pain).
    case preProcedure = "pre-procedure"
    /// Physical examination.
    case examination
    /// Anesthesia or sedation.
    case anesthesia
    /// Patient identification, signature and other administrative blocks.
    case administrative
    /// A heading that names none of the above.
    case other
    /// "FINDINGS": only a heading's kind, never a section's; it becomes `procedure` in a note that has a
    /// procedure section and `imaging` in one that has none (a consult's findings).
    case findings
}

/// A section: its heading (if any), its kind and the text it covers.
public struct Section: Sendable, Equatable {
    public var kind: SectionKind
    /// The heading text, without the colon; nil for the preamble.
    public var heading: TextRange?
    /// From the start of the heading to the start of the next heading (UTF-8 offsets).
    public var range: TextRange
    /// Index range of its tokens in ``AnalyzedNote/tokens``.
    public var tokens: Range<Int>
}

/// A sentence (or list item, or `Label: value` line): the scope of context triggers.
public struct Sentence: Sendable, Equatable {
    public var range: TextRange
    /// Index range of its tokens in ``AnalyzedNote/tokens``.
    public var tokens: Range<Int>
    /// Index of its section in ``AnalyzedNote/sections``.
    public var section: Int
    /// True for a section heading.
    public var isHeading: Bool
}
