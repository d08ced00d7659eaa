import ClinicalText
public import NotePipeline
import NoteTagging

/// Finds the worklist's notes among the batch's inputs and cuts an excerpt from each: around the
/// evidence of its first error or warning flag that has some, else around its first procedure.
/// Each note is read and tagged again, only to find its patient identifiers (the values after
/// "Patient:", "MRN", "DOB" …), which are removed wherever they occur in the excerpt.
public struct NoteExcerpts: Sendable {
    public struct Found: Sendable {
        public var excerpt: Excerpt?
        /// The file the note was read from.
        public var path: String
    }

    let pipeline: NeedlepointPipeline
    /// What the batch read: folders, .txt/.xml files, .jsonl files.
    let inputs: [String]

    public init(pipeline: NeedlepointPipeline, inputs: [String]) {
        self.pipeline = pipeline
        self.inputs = inputs
    }

    /// The excerpt and source file of each of `notes` found in the inputs, keyed by id. One pass over
    /// the inputs; only the wanted notes are decoded.
    public func find(_ notes: [CodedNote]) -> [String: Found] {
        let wanted = Dictionary(notes.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        var found: [String: Found] = [:]
        for item in BatchInputs(paths: inputs) {
            guard found.count < wanted.count else { break }
            guard let note = wanted[item.id], found[item.id] == nil else { continue }
            var entry = Found(excerpt: nil, path: item.path)
            if case .bytes(let bytes) = item.payload, let text = try? pipeline.note(from: bytes, id: item.id) {
                entry.excerpt = excerpt(note, text)
            }
            found[item.id] = entry
        }
        return found
    }

    private func excerpt(_ coded: CodedNote, _ note: Note) -> Excerpt? {
        let span = coded.gaps.lazy.compactMap(\.evidence).first ?? coded.procedureEvidence
        guard let span else { return nil }
        let (_, mentions) = pipeline.mentions(of: note)
        var identifiers: [[UInt8]] = []
        for mention in mentions {
            guard case .documentation(let element) = mention.kind, element.element == .patientIdentity, let value = element.value else { continue }
            identifiers += Self.identifierWords(note.text[value], particles: pipeline.tagger.lexicons.nameParticles)
        }
        let cutter = ExcerptCutter(utf8: note.text.utf8, identifiers: identifiers)
        return cutter.excerpt(scalarStart: span.start, scalarEnd: span.end)
    }

    /// The words of an identifier's value that could name the patient anywhere in the note: the
    /// leading run of capitalized words and words with a digit ("Gallardo-Pryce, Leontine",
    /// "52290067"), up to the first word in lower case ("52290067) had a left L4-5 …" → "52290067");
    /// initials and name particles ("J.", "de la"; `Lexicons/documentation/name-particles.tsv`) are
    /// passed over, not taken as the end.
    /// A hyphenated name counts whole and by its parts ("Gallardo-Pryce", "Gallardo", "Pryce").
    static func identifierWords(_ value: String, particles: Set<String>) -> [[UInt8]] {
        var words: [String] = []
        for piece in value.split(whereSeparator: { $0 == " " || $0 == "," || $0 == "|" || $0 == ";" || $0 == "\t" }) {
            let word = String(piece.trimmingPrefix { !$0.isLetter && !$0.isNumber }.reversed().drop { !$0.isLetter && !$0.isNumber }.reversed())
            if word.count < 2 || particles.contains(KeyFolding.key(word)) { continue }  // "J.", "de", "van"
            guard word.contains(where: \.isNumber) || word.first?.isUppercase == true else { break }
            words.append(word)
            if word.contains("-"), !word.contains(where: \.isNumber) {
                words += word.split(separator: "-").map(String.init).filter { $0.count >= 2 }
            }
        }
        return words.map { Array($0.utf8) }
    }
}
