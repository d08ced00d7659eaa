import ArgumentParser
import NotePipeline

/// Every command names itself (`commandName`): a name derived from the type costs runtime type
/// lookups at every start.
@main
struct Needlepoint: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "needlepoint",
        abstract: "Read pain-procedure notes and propose billing codes with their evidence.",
        discussion: """
        Needlepoint reads procedure notes (plain text, JSON Lines or HL7 CDA XML), finds every documented fact \
        (procedures, spinal levels, sides, guidance, contrast and needle views, pain scores, drugs and \
        doses, diagnoses, documentation elements) with the span of text that proves it, and writes \
        the result in the needlepoint.result/1 contract.

        Examples:
          needlepoint code Corpora/examples/lumbar-tfesi.txt
          pbpaste | needlepoint code --format json
          needlepoint batch notes/ --out results.jsonl
          needlepoint review results.jsonl --html report.html --notes notes/
          needlepoint serve
          needlepoint eval Corpora/authored
          needlepoint eval --negex ../shared/corpora/negex/rsAnnotations-1-120-random.txt
        """,
        version: "0.1.0",
        subcommands: [Code.self, Batch.self, Eval.self, Review.self, Serve.self])

    /// Starts building the built-in lexicons while the arguments are parsed, unless the command
    /// line only asks for help or the version (which need no lexicons).
    static func main() async {
        if needsLexicons(CommandLine.arguments.dropFirst()) { NeedlepointPipeline.prepareEmbeddedLexicons() }
        await main(nil)
    }

    /// False when the arguments ask only for help or the version: `--help`, `-h`, `--version`,
    /// `help …`, or no subcommand at all (which prints the help).
    static func needsLexicons(_ arguments: ArraySlice<String>) -> Bool {
        guard let first = arguments.first, first != "help" else { return false }
        return !arguments.contains { $0 == "--help" || $0 == "-h" || $0 == "--version" }
    }
}
