public import LexiconKit
public import NoteFacts
public import NoteTagging
public import ClinicalText

/// The whole pipeline for one note: analyze, tag, assert, build facts. Immutable and `Sendable`:
/// build it once (loading lexicons costs milliseconds) and run it on any number of notes, from any
/// number of threads. `run` never throws; unreadable input is a ``NoteResult`` with an error.
public struct NeedlepointPipeline: Sendable {
    public let tagger: NoteTagger
    public let factBuilder: NoteFactBuilder
    public let decoder: NoteDecoder

    public init(lexicons: LexiconSource = .embedded, maxBytes: Int = NoteDecoder.defaultMaxBytes) throws(LexiconError) {
        let tables = try TaggingLexicons(source: lexicons)
        tagger = NoteTagger(lexicons: tables)
        factBuilder = NoteFactBuilder(lexicons: tables)
        decoder = NoteDecoder(maxBytes: maxBytes)
    }

    /// Codes a note that is already text.
    public func run(_ note: Note) -> NoteResult {
        let analyzed = tagger.analyze(note.text)
        let mentions = tagger.mentions(in: analyzed)
        let facts = factBuilder.facts(from: mentions, in: analyzed)
        return NoteResult(id: note.id, outcome: .coded(note, facts))
    }

    /// Checks and decodes raw bytes, then codes them; bad bytes give an error result.
    public func run(bytes: [UInt8], id: String) -> NoteResult {
        do {
            return run(try decoder.decode(bytes, id: id))
        } catch {
            return NoteResult(id: id, outcome: .failed(error))
        }
    }

    /// The mentions of a note, for the evidence view and debugging (`code --format text`).
    public func mentions(of note: Note) -> (AnalyzedNote, [Mention]) {
        let analyzed = tagger.analyze(note.text)
        return (analyzed, tagger.mentions(in: analyzed))
    }
}
