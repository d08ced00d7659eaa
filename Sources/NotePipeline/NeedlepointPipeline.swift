public import LexiconKit
public import NoteFacts
public import NoteTagging
public import ClinicalText
public import ProcedureCoding
import CDAReader
import Dispatch

/// The whole pipeline for one note: analyze, tag, assert, build facts, code. Immutable and `Sendable`:
/// build it once (loading lexicons costs milliseconds) and run it on any number of notes, from any
/// number of threads. `run` never throws; unreadable input is a ``NoteResult`` with an error.
public struct NeedlepointPipeline: Sendable {
    public let tagger: NoteTagger
    public let factBuilder: NoteFactBuilder
    public let decoder: NoteDecoder
    public let coder: Coder
    public let options: CodingOptions
    /// Mixed into patient keys so they cannot be matched against keys made elsewhere.
    public var patientKeySalt = "needlepoint"

    /// A pipeline reading the tables of `lexicons`. Tables of the embedded lexicons are built once
    /// per process and shared by every pipeline (see ``prepareEmbeddedLexicons()``).
    public init(lexicons: LexiconSource = .embedded, maxBytes: Int = NoteDecoder.defaultMaxBytes,
                options: CodingOptions = CodingOptions()) throws(LexiconError) {
        let (tables, rules) = switch lexicons {
        case .embedded: (try Self.embeddedTagging.get(), try Self.embeddedRules.get())
        case .directory: (try TaggingLexicons(source: lexicons), try CodingRules(source: lexicons))
        }
        tagger = NoteTagger(lexicons: tables)
        factBuilder = NoteFactBuilder(lexicons: tables)
        decoder = NoteDecoder(maxBytes: maxBytes)
        coder = Coder(rules: rules)
        self.options = options
    }

    /// The embedded lexicons' tables, built on first use (lazy globals: a second thread asking
    /// while they are built waits for them). Two, so that they can be built side by side.
    private static let embeddedTagging = Result { () throws(LexiconError) in try TaggingLexicons(source: .embedded) }
    private static let embeddedRules = Result { () throws(LexiconError) in try CodingRules(source: .embedded) }

    /// Starts building the embedded lexicons' tables on other threads, so that a pipeline made a
    /// few milliseconds later finds them ready: the command-line tool calls it before it parses
    /// its arguments. The tagging tables take longest; the coding rules and the argument parsing
    /// share the other core.
    public static func prepareEmbeddedLexicons() {
        DispatchQueue.global(qos: .userInitiated).async { _ = embeddedTagging }
        DispatchQueue.global(qos: .userInitiated).async { _ = embeddedRules }
    }

    /// Codes a note that is already text.
    public func run(_ note: Note) -> NoteResult {
        let analyzed = tagger.analyze(note.text)
        let mentions = tagger.mentions(in: analyzed)
        let facts = factBuilder.facts(from: mentions, in: analyzed)
        let report = coder.code(facts, options: options)
        let patientKey = PatientKey.make(facts.encounter, note.text, salt: patientKeySalt)
        // The note and its facts are moved into the result, not copied: nothing reads them after.
        return NoteResult(id: note.id, outcome: .coded(NoteResult.Coded(note, facts, report)), patientKey: patientKey)
    }

    /// Checks and decodes raw bytes (plain text, or an HL7 CDA document when they are XML), then
    /// codes them; bad bytes give an error result.
    public func run(bytes: [UInt8], id: String) -> NoteResult {
        do {
            return run(try note(from: bytes, id: id))
        } catch {
            return NoteResult(id: id, outcome: .failed(error))
        }
    }

    /// The note in some bytes: checked text, or the narrative of a CDA document.
    public func note(from bytes: [UInt8], id: String) throws(NoteError) -> Note {
        guard CDADocument.looksLikeXML(bytes) else { return try decoder.decode(bytes, id: id) }
        guard bytes.count <= decoder.maxBytes else {
            throw NoteError(.tooLarge, "\(id): \(bytes.count) bytes is over the limit of \(decoder.maxBytes) bytes")
        }
        do {
            let text = try CDADocument.text(of: bytes)
            return try decoder.decode(Array(text.utf8), id: id)
        } catch let error as CDAReadError {
            let kind: NoteError.Kind = switch error {
            case .malformed: .xmlMalformed
            case .doctype: .xmlDoctype
            case .notCDA: .notCDA
            case .noNarrative: .empty
            }
            throw NoteError(kind, "\(id): \(error.reason)")
        } catch let error as NoteError {
            throw error
        } catch {
            throw NoteError(.unreadable, "\(id): the document could not be read")
        }
    }

    /// The mentions of a note, for the evidence view and debugging (`code --format text`).
    public func mentions(of note: Note) -> (AnalyzedNote, [Mention]) {
        let analyzed = tagger.analyze(note.text)
        return (analyzed, tagger.mentions(in: analyzed))
    }
}
