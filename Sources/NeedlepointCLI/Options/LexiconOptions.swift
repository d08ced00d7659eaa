import ArgumentParser
import LexiconKit
import NotePipeline
import ProcedureCoding

/// `--lexicons DIR` and `--max-bytes N`, shared by every subcommand that codes notes.
struct PipelineOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp(
        "Read lexicon tables from this folder instead of the copy built into the binary.",
        discussion: "Point it at an edited copy of Lexicons/ to try a change without rebuilding.",
        valueName: "dir"))
    var lexicons: String?

    @Option(name: .long, help: ArgumentHelp("Largest note accepted, in bytes.", valueName: "n"))
    var maxBytes: Int = NoteDecoder.defaultMaxBytes

    @ArgumentParser.Flag(name: .long, help: "Leave drug supply codes (J-codes) out of the code lines.")
    var noDrugCodes = false

    func pipeline() throws -> NeedlepointPipeline {
        do {
            return try NeedlepointPipeline(lexicons: lexicons.map { .directory($0) } ?? .embedded, maxBytes: maxBytes,
                                           options: CodingOptions(includeDrugCodes: !noDrugCodes))
        } catch {
            throw ValidationError("lexicon error: \(error)")
        }
    }
}
