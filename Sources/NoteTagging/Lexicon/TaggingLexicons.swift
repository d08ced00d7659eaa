public import ClinicalText
public import LexiconKit

/// Every lexicon the taggers use, decoded into typed tables. Immutable and `Sendable`: build it
/// once and share it across notes and threads. A class, so that every tagger and reader holding
/// it shares one instance rather than copying thirty tables' worth of references.
public final class TaggingLexicons: Sendable {
    public let conventions: TextConventions
    public let tokenizer: Tokenizer
    public let procedures: PhraseTable<ProcedureCue>
    public let regions: PhraseTable<RegionWord>
    /// nil payload: a phrase holding a side word that names no treated side ("right-handed").
    public let sides: PhraseTable<Side?>
    public let levelHeads: PhraseTable<LevelReading>
    public let guidance: PhraseTable<GuidanceKind>
    public let contrast: PhraseTable<ContrastCue>
    public let views: PhraseTable<ViewCue>
    public let drugs: PhraseTable<DrugName>
    public let doseCues: PhraseTable<DoseRole>
    public let pain: PhraseTable<PainRole>
    public let diagnoses: PhraseTable<DiagnosisCue>
    public let documentation: PhraseTable<DocumentationCue>
    public let triggers: PhraseTable<ContextTrigger>
    /// Imaging-study and contrast-spread words: their sentences' levels are not treated levels.
    public let nonTargetCues: PhraseTable<String>
    /// Words that tie a view to the final needle position.
    public let finalPositionCues: PhraseTable<Bool>
    /// Ordinal word → number ("fourth", "4th" → 4).
    /// Ordinal words ("first", "12th") and their numbers, read by token symbol.
    public let ordinals: SymbolMap<Int>
    /// Folded month names and abbreviations.
    public let months: KeySet
    /// Number words ("eight", "a few") → value, for durations written out.
    public let numberWords: PhraseTable<Double>
    /// ICD-10-CM code prefix → category, for codes written in notes.
    public let diagnosisCodeCategories: [String: DiagnosisCategory]
    public let muscles: PhraseTable<MuscleCue>
    public let electrical: PhraseTable<ElectricalGuidance>
    /// Words that name a block or an injection (a nerve's name beside one names a nerve block).
    public let blockWords: PhraseTable<Bool>
    /// Professional credentials ("md", "do") for typed signature lines, read by token symbol.
    public let credentials: SymbolMap<Bool>
    /// Folded lower-case words inside names ("de", "van"), which do not end a name.
    public let nameParticles: Set<String>

    /// Every table path this type reads, relative to `Lexicons/`.
    public static let tablePaths = [
        "text/units.tsv", "layout/sections.tsv", "text/grammar-words.tsv", "text/ordinals.tsv", "text/months.tsv", "text/number-words.tsv", "layout/abbreviations.tsv", "context/triggers.tsv",
        "procedures/procedures.tsv", "procedures/block-words.tsv", "anatomy/regions.tsv", "anatomy/sides.tsv", "anatomy/level-heads.tsv",
        "guidance/guidance.tsv", "contrast/contrast.tsv", "contrast/views.tsv", "drugs/drugs.tsv",
        "drugs/dose-cues.tsv", "pain/pain.tsv", "anatomy/non-target-cues.tsv", "contrast/final-position-cues.tsv", "diagnoses/diagnoses.tsv", "diagnoses/icd10-prefixes.tsv", "documentation/documentation.tsv",
        "anatomy/muscles.tsv", "guidance/electrical.tsv", "documentation/credentials.tsv", "documentation/name-particles.tsv",
    ]

    /// Loads and decodes every table; throws the first ``LexiconError`` (file, line, column).
    public init(source: LexiconSource = .embedded) throws(LexiconError) {
        var units: [String: MeasureUnit] = [:]
        for row in try source.table("text/units.tsv").rows {
            units[KeyFolding.key(try row.text("spelling"))] = try row.value("unit", as: MeasureUnit.self)
        }
        let tokenizer = Tokenizer(units: units)
        // Headings are matched on their words; punctuation ("PRE-PROCEDURE", "PROCEDURE(S)") is skipped.
        // They are tokenized together, one per line (a cell holds no line feed).
        var headingTexts: [String] = [], kinds: [SectionKind] = []
        for row in try source.table("layout/sections.tsv").rows {
            headingTexts.append(try row.text("heading"))
            kinds.append(try row.value("kind", as: SectionKind.self))
        }
        let (headingTokens, tokenRanges) = tokenizer.tokens(ofLines: headingTexts)
        var headings: [String: SectionKind] = [:]
        for (tokens, kind) in zip(tokenRanges, kinds) {
            let words = tokens.filter { headingTokens.tokens[$0].kind != .punctuation }.map { headingTokens.keys[$0] }
            headings[words.joined(separator: " ")] = kind
        }
        self.tokenizer = tokenizer
        var symbols = KeySymbols()
        var abbreviations = KeySet()
        for row in try source.table("layout/abbreviations.tsv").rows {
            abbreviations.insert(KeyFolding.key(try row.text("abbreviation")), symbols: &symbols)
        }
        var words = GrammarWords()
        for row in try source.table("text/grammar-words.tsv").rows {
            let name = try row.text("list")
            guard let list = GrammarWords.List(name: name) else {
                throw row.error(column: "list", "unknown list `\(name)`; expected one of \(GrammarWords.List.allCases.map(\.name).joined(separator: ", "))")
            }
            words.insert(KeyFolding.key(try row.text("word")), into: list, symbols: &symbols)
        }

        // Each table gets the next start bit; analysis marks every token with the bits of the tables
        // that have a phrase starting with its key (see PhraseStarts).
        var firstSymbols: [[Int32]] = []
        func nextStartBit(for firsts: [Int32]) -> UInt32 {
            precondition(firstSymbols.count < PhraseStarts.tableBits, "more phrase tables and maps than start bits")
            firstSymbols.append(firsts)
            return 1 << UInt32(firstSymbols.count - 1)
        }
        func load<P>(_ path: String, _ decode: (TSVTable.Row) throws(LexiconError) -> P) throws(LexiconError) -> PhraseTable<P> {
            var rows: [(phrase: String, payload: P)] = []
            for row in try source.table(path).rows { rows.append((try row.text("phrase"), try decode(row))) }
            var table = PhraseTable<P>()
            table.add(rows, tokenizer: tokenizer, symbols: &symbols)
            table.startBit = nextStartBit(for: table.firstSymbols)
            return table
        }
        procedures = try load("procedures/procedures.tsv") { row throws(LexiconError) in
            let strength = try row.text("strength")
            guard strength == "strong" || strength == "weak" else { throw row.error(column: "strength", "expected strong or weak") }
            return ProcedureCue(family: try row.value("family", as: ProcedureCueFamily.self),
                                target: try row.optional("target").map(LexiconName.init), isWeak: strength == "weak")
        }
        regions = try load("anatomy/regions.tsv") { row throws(LexiconError) in try row.value("region", as: RegionWord.self) }
        sides = try load("anatomy/sides.tsv") { row throws(LexiconError) -> Side? in
            guard try row.optional("side") != nil else { return nil }
            return try row.value("side", as: Side.self)
        }
        levelHeads = try load("anatomy/level-heads.tsv") { row throws(LexiconError) in
            try row.value("reading", as: LevelReading.self)
        }
        guidance = try load("guidance/guidance.tsv") { row throws(LexiconError) in
            try row.value("guidance", as: GuidanceKind.self)
        }
        contrast = try load("contrast/contrast.tsv") { row throws(LexiconError) in ContrastCue(agent: try row.optional("agent").map(LexiconName.init)) }
        views = try load("contrast/views.tsv") { row throws(LexiconError) in
            var views = CaseSet<NeedleView>()
            for raw in try row.list("views") {
                guard let view = NeedleView(rawValue: raw) else {
                    throw row.error(column: "views", "unknown view `\(raw)`; expected ap, lateral, oblique, contralateral-oblique")
                }
                views.insert(view)
            }
            let strength = try row.text("strength")
            guard strength == "strong" || strength == "weak" else {
                throw row.error(column: "strength", "expected strong or weak")
            }
            return ViewCue(views: views, isWeak: strength == "weak")
        }
        drugs = try load("drugs/drugs.tsv") { row throws(LexiconError) in
            let strength = try row.optional("mg-per-ml")
            guard strength.map({ Double($0) != nil }) ?? true else { throw row.error(column: "mg-per-ml", "expected a number or -") }
            return DrugName(generic: LexiconName(try row.text("generic")), drugClass: try row.value("class", as: DrugClass.self),
                            mgPerML: strength.flatMap { Double($0) })
        }
        doseCues = try load("drugs/dose-cues.tsv") { row throws(LexiconError) in try row.value("role", as: DoseRole.self) }
        pain = try load("pain/pain.tsv") { row throws(LexiconError) in try row.value("role", as: PainRole.self) }
        diagnoses = try load("diagnoses/diagnoses.tsv") { row throws(LexiconError) in
            DiagnosisCue(category: try row.value("category", as: DiagnosisCategory.self))
        }
        nonTargetCues = try load("anatomy/non-target-cues.tsv") { row throws(LexiconError) in try row.text("kind") }
        finalPositionCues = try load("contrast/final-position-cues.tsv") { _ throws(LexiconError) in true }
        var ordinals: [Int32: Int] = [:]
        for row in try source.table("text/ordinals.tsv").rows {
            ordinals[symbols.intern(KeyFolding.key(try row.text("ordinal")))] = Int(try row.number("number"))
        }
        var months = KeySet()
        for row in try source.table("text/months.tsv").rows { months.insert(KeyFolding.key(try row.text("month")), symbols: &symbols) }
        self.months = months
        numberWords = try load("text/number-words.tsv") { row throws(LexiconError) in try row.number("number") }
        var codeCategories: [String: DiagnosisCategory] = [:]
        for row in try source.table("diagnoses/icd10-prefixes.tsv").rows {
            codeCategories[try row.text("prefix").uppercased()] = try row.value("category", as: DiagnosisCategory.self)
        }
        diagnosisCodeCategories = codeCategories
        muscles = try load("anatomy/muscles.tsv") { row throws(LexiconError) in
            MuscleCue(muscle: LexiconName(try row.text("muscle")), site: try row.value("site", as: MuscleSite.self))
        }
        blockWords = try load("procedures/block-words.tsv") { _ throws(LexiconError) in true }
        var credentials: [Int32: Bool] = [:]
        for row in try source.table("documentation/credentials.tsv").rows {
            credentials[symbols.intern(KeyFolding.key(try row.text("credential")))] = true
        }
        electrical = try load("guidance/electrical.tsv") { row throws(LexiconError) in
            try row.value("kind", as: ElectricalGuidance.self)
        }
        documentation = try load("documentation/documentation.tsv") { row throws(LexiconError) in
            let element = try row.value("element", as: DocumentationElement.self)
            let identifies = try row.optional("identifies") == nil ? nil : try row.value("identifies", as: PatientIdentifier.self)
            guard (element == .patientIdentity) == (identifies != nil) else {
                throw row.error(column: "identifies", "a patient-identity label says what it identifies (name, record, birth-date); other elements take -")
            }
            return DocumentationCue(element: element, needsValue: try row.yesNo("needs-value"), identifies: identifies)
        }
        triggers = try load("context/triggers.tsv") { row throws(LexiconError) in
            let window = try row.optional("window")
            guard window.map({ Int($0) != nil }) ?? true else { throw row.error(column: "window", "expected a number or -") }
            var categories: [TriggerCategory] = []
            for raw in try row.list("category") {
                guard let category = TriggerCategory(rawValue: raw) else {
                    let allowed = TriggerCategory.allCases.map(\.rawValue).joined(separator: ", ")
                    throw row.error(column: "category", "unknown category `\(raw)`; expected one of \(allowed)")
                }
                categories.append(category)
            }
            if categories.count > 1, categories.contains(where: { $0 == .pseudo || $0 == .terminate || $0 == .current }) {
                throw row.error(column: "category", "pseudo, terminate and current stand alone")
            }
            return ContextTrigger(categories: TriggerCategories(categories),
                                  direction: try row.value("direction", as: TriggerDirection.self),
                                  window: window.flatMap { Int($0) })
        }
        nameParticles = Set(try source.table("documentation/name-particles.tsv").rows.map { row throws(LexiconError) in
            KeyFolding.key(try row.text("particle"))
        })
        // The one-word maps read at every token take start bits too.
        func map<V>(_ entries: [Int32: V]) -> SymbolMap<V> {
            var map = SymbolMap(entries, symbols: symbols)
            map.startBit = nextStartBit(for: map.symbols)
            return map
        }
        self.ordinals = map(ordinals)
        self.credentials = map(credentials)
        // Last: analysis numbers each token by the keys every table above has interned.
        self.conventions = TextConventions(units: units, sectionHeadings: headings, abbreviations: abbreviations, words: words,
                                           symbols: symbols, phraseStarts: firstSymbols)
    }
}

/// A procedure cue's payload.
public struct ProcedureCue: Sendable, Hashable {
    public var family: ProcedureCueFamily
    /// The nerve or site of a nerve block or of an `other` procedure ("greater-occipital", "knee").
    public var target: LexiconName?
    /// A weak cue names a procedure only next to a strong cue of its group or in a title or heading line.
    public var isWeak: Bool
}

/// A contrast cue's payload: the generic agent, or nil for a bare "contrast".
public struct ContrastCue: Sendable, Hashable {
    public var agent: LexiconName?
}

/// A view cue's payload; an empty set marks an anatomic phrase that is no view ("lateral to").
public struct ViewCue: Sendable, Hashable {
    public var views: CaseSet<NeedleView>
    public var isWeak: Bool
}

/// A drug name's payload.
public struct DrugName: Sendable, Hashable {
    public var generic: LexiconName
    public var drugClass: DrugClass
    /// The product's only strength, so a volume alone gives the dose.
    public var mgPerML: Double?
}

/// A diagnosis phrase's payload.
public struct DiagnosisCue: Sendable, Hashable {
    public var category: DiagnosisCategory
}

/// A muscle phrase's payload.
public struct MuscleCue: Sendable, Hashable {
    public var muscle: LexiconName
    public var site: MuscleSite
}

/// A documentation phrase's payload.
public struct DocumentationCue: Sendable, Hashable {
    public var element: DocumentationElement
    /// The phrase counts only when a name or identifier follows on the same line.
    public var needsValue: Bool
    /// What a patient-identity label's value is.
    public var identifies: PatientIdentifier?
}

/// A ConText trigger's payload.
public struct ContextTrigger: Sendable, Hashable {
    /// What the trigger asserts; "no history of" is both negated and historical.
    public var categories: TriggerCategories

    /// True for a pseudo-trigger or a terminate phrase, which assert nothing.
    public var isInert: Bool { categories.contains(.pseudo) || categories.contains(.terminate) || categories.contains(.current) }
    public var direction: TriggerDirection
    /// Scope length in tokens; nil = to the sentence boundary.
    public var window: Int?
}
