public import ClinicalText

/// One thing the taggers found in a note: where, what, and how the note asserts it.
///
/// A plain value (no references: a test checks it): every payload stands inline, lexicon names
/// are interned (``LexiconName``) and short lists are ``ClinicalText/InlineList``s, so that
/// making, copying, sorting and freeing a note's mentions never allocates, retains or releases.
public struct Mention: Sendable {
    /// The words that state it (UTF-8 offsets).
    public var range: TextRange
    /// Its tokens in ``ClinicalText/AnalyzedNote/tokens``.
    public var tokens: Range<Int>
    public var kind: MentionKind
    /// How the note asserts it (negated, historical, …), set by ``ContextEngine``.
    public var assertion: Assertion = .affirmed
    /// The section it stands in.
    public var section: SectionKind = .preamble
    /// The index of its sentence in ``ClinicalText/AnalyzedNote/sentences``.
    public var sentence: Int = 0

    public init(range: TextRange, tokens: Range<Int>, kind: MentionKind) {
        self.range = range
        self.tokens = tokens
        self.kind = kind
    }

    /// True when the mention states something done or true now, for this patient.
    public var isCurrentFact: Bool { assertion.isAffirmedCurrent }
}

/// What a mention is, with its payload (a plain value: see ``Mention``).
public enum MentionKind: Sendable {
    case procedure(ProcedureCue)
    case region(RegionWord)
    case side(Side)
    case level(LevelMention)
    case guidance(GuidanceKind)
    case contrast(ContrastCue)
    case view(ViewCue)
    case drug(DrugMention)
    case painScore(PainScoreMention)
    case diagnosis(DiagnosisMention)
    case documentation(DocumentationMention)
    case quantity(QuantityMention)
    case muscle(MuscleMention)
    case electricalGuidance(ElectricalGuidance)
}

/// A muscle, with the side named right before it ("left upper trapezius", "L levator scapulae").
public struct MuscleMention: Sendable, Hashable {
    public var cue: MuscleCue
    public var side: Side?
}

/// A measurement ("155 units", "30 minutes", "6 weeks") with the role the words next to it give.
public struct QuantityMention: Sendable, Hashable {
    public var quantity: Quantity
    public var role: DoseRole?
}

/// A spinal level expression: a list of vertebrae and spans, what they name, and the side named
/// right next to them ("left L4-5 and L5-S1").
public struct LevelMention: Sendable, Hashable {
    public enum Item: Sendable, Hashable, BitwiseCopyable {
        /// "L5", "S1": a vertebra, a root or a medial branch depending on the reading.
        case vertebra(Vertebra)
        /// "L4-5" (adjacent: an interspace) or "L3-S1", "L3 to S1" (a range).
        case span(Vertebra, Vertebra)
    }
    /// Twelve at most: a longer list continues as a second expression.
    public var items: InlineList<12, Item>
    public var reading: LevelReading?
    public var side: Side?
}

/// A drug with what was read of its dose.
public struct DrugMention: Sendable, Hashable {
    public var name: DrugName
    /// Amount given (mg, units …), computed from concentration × volume when needed.
    public var dose: Quantity?
    /// The amount documented as discarded (botulinum toxin).
    public var discarded: Quantity?
    /// The note says nothing was discarded.
    public var noWaste: Bool = false
    /// The dose is the session's total.
    public var isTotal: Bool = false
    /// The dose is per site ("40 mg at each level").
    public var isPerSite: Bool = false
    /// A home medication: taken by mouth or on a schedule.
    public var isOral: Bool = false
    /// Spans of the dose words, for evidence (a mass, or a concentration and a volume).
    public var doseRanges = InlineList<2, TextRange>()

    public init(name: DrugName) { self.name = name }
}

/// A pain score on a 0–10 scale.
public struct PainScoreMention: Sendable, Hashable {
    public enum Timing: String, Sendable, Hashable { case pre, post }
    public var value: Double
    public var scale: PainScale?
    public var timing: Timing?
}

/// A pain scale named in the note.
public enum PainScale: String, Sendable, Hashable { case vas = "VAS", nrs = "NRS" }

/// A diagnosis: a written ICD-10 code or a phrase with its category.
public struct DiagnosisMention: Sendable, Hashable {
    public var category: DiagnosisCategory?
    /// The ICD-10-CM code written in the note.
    public var icd10: ICD10Code?
    /// True when the code was written in the note.
    public var codeIsWritten: Bool
}

/// A documentation element, with the minutes or weeks it states.
public struct DocumentationMention: Sendable, Hashable {
    public var element: DocumentationElement
    /// Minutes stated for a time element.
    public var minutes: Double?
    /// Weeks of conservative care stated next to it.
    public var weeks: Double?
    /// The value a label introduces on its line (a patient's name or MRN, a date, a provider's
    /// name). Protected health information: used for keys and dates, never written out as text.
    public var value: TextRange?
    /// What a patient-identity label's value is (name, record number, birth date).
    public var identifies: PatientIdentifier?
}

/// An ICD-10-CM code as written in a note, in upper case ("M54.16"): at most eight ASCII
/// characters, stored inline.
public struct ICD10Code: Hashable, Sendable, BitwiseCopyable, CustomStringConvertible {
    private var bytes = InlineList<8, UInt8>()

    /// The code in `text` upper-cased; nil unless it is one to eight ASCII bytes.
    public init?(_ text: some Collection<UInt8>) {
        guard (1...8).contains(text.count), text.allSatisfy({ $0 < 0x80 }) else { return nil }
        for byte in text { bytes.append(byte >= 0x61 && byte <= 0x7A ? byte - 0x20 : byte) }
    }

    /// The code's bytes copied into the string's own storage: `String(decoding:as:)` of an inline
    /// list would first ask at run time whether the list is contiguous (a protocol conformance
    /// lookup that scans the binary's conformance records on its first use, ~0.1 M instructions).
    public var description: String {
        String(unsafeUninitializedCapacity: bytes.count) { buffer in
            for index in bytes.indices { buffer[index] = bytes[index] }
            return bytes.count
        }
    }
}
