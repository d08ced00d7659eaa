import ArgumentParser
import NoteEvaluation
import NotePipeline

struct Eval: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "eval",
        abstract: "Score Needlepoint against annotated notes, or its negation engine against NegEx.",
        discussion: """
        With GOLD paths: runs every NAME.gold.json found under them (recursively) against its note \
        (NAME.txt beside it, or in the folder a `notes.path` file names) and prints precision, \
        recall and F1 per fact area (procedures, region, levels, laterality, guidance, contrast, \
        pain, drugs), per code line and per flag, and the share of notes whose code lines are \
        exactly right.

        With --negex FILE: scores negation and historical assertions on Chapman's NegEx test set \
        and prints two lines that other tools read:
          negation precision=0.912 recall=0.950 f1=0.931
          historical precision=… recall=… f1=…

        Examples:
          needlepoint eval Corpora
          needlepoint eval --verbose Corpora/authored
          needlepoint eval --negex ../shared/corpora/negex/rsAnnotations-1-120-random.txt
        """)

    @Option(name: .long, help: ArgumentHelp("Score negation and history on a NegEx test-set file.", valueName: "file"))
    var negex: String?

    @Flag(name: .long, help: "List every disagreement with the gold, note by note.")
    var verbose = false

    @OptionGroup var options: PipelineOptions

    @Argument(help: ArgumentHelp("Folders (searched recursively) or gold files to score.", valueName: "gold"))
    var gold: [String] = []

    func validate() throws {
        if negex == nil && gold.isEmpty {
            throw ValidationError("give a gold folder (e.g. Corpora) or --negex FILE")
        }
    }

    func run() throws {
        let pipeline = try options.pipeline()
        if let negex {
            let evaluation = try NegExEvaluation(path: negex, pipeline: pipeline)
            print("rows: \(evaluation.rows)")
            print("negation \(evaluation.negation.line)")
            print("historical \(evaluation.historical.line)")
            if verbose {
                for item in evaluation.disagreements {
                    print("  row \(item.row) \(item.dimension) predicted=\(item.predicted) target=\"\(item.target)\": \(item.sentence)")
                }
            }
            if !evaluation.unlocated.isEmpty {
                print("targets not found in their sentence (scored affirmed, recent): \(evaluation.unlocated.count)")
            }
        }
        if !gold.isEmpty {
            let evaluation = try CorpusEvaluation(goldPaths: gold, pipeline: pipeline)
            guard !evaluation.notes.isEmpty else { throw ValidationError("no .gold.json files under \(gold.joined(separator: ", "))") }
            print(evaluation.report(verbose: verbose), terminator: "")
        }
    }
}
