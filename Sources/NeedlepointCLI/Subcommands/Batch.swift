import ArgumentParser
import FoundationEssentials
import LexiconKit
import NotePipeline
import Synchronization

struct Batch: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "batch",
        abstract: "Code many notes: folders, files and JSON Lines, in parallel, one result line per note.",
        discussion: """
        INPUT is a folder (every .txt and .xml inside, recursively, in sorted order), a .txt or .xml \
        file, or a .jsonl file of {"id": ..., "text": ...} lines. The output has exactly one line per \
        note, in input order, errors included; it appears atomically when the run completes. An \
        interrupted run leaves OUT.partial: run again with --resume to continue it.

        Across the batch, sessions of one policy pool (all epidurals per region, facet injections, \
        RFA, acupuncture) for one patient beyond the limits inside the window are flagged \
        frequency-limit-exceeded; patients are matched by a salted hash of their MRN (or name and \
        date of birth), and notes without a patient or a date are left unflagged.

        Exit status: 0 when every note was coded, 1 when some notes are error records, 2 when the run \
        could not complete.

        Examples:
          needlepoint batch notes/ --out results.jsonl
          needlepoint batch export.jsonl --out results.csv --format csv --jobs 4
          needlepoint batch notes/ --out results.jsonl --resume
        """)

    @Argument(help: ArgumentHelp("Folders, .txt/.xml files or .jsonl files.", valueName: "input"), completion: .file())
    var inputs: [String]

    @Option(name: .long, help: ArgumentHelp("Where to write the results.", valueName: "file"))
    var out: String

    @Option(name: .long, help: ArgumentHelp("Parallel workers (default: the number of cores).", valueName: "n"))
    var jobs: Int = ProcessInfo.processInfo.activeProcessorCount

    enum OutputFormat: String, ExpressibleByArgument, CaseIterable { case jsonl, csv }

    @Option(name: .long, help: "Output format: jsonl (the contract result per line) or csv (one row per code line).")
    var format: OutputFormat = .jsonl

    @Flag(name: .long, help: "Continue an interrupted run from OUT.partial instead of starting over.")
    var resume = false

    @Option(name: .long, help: ArgumentHelp("Mixed into patient keys (hashes), so keys from different runs cannot be matched.", valueName: "text"))
    var salt: String = "needlepoint"

    @OptionGroup var options: PipelineOptions

    func validate() throws {
        guard jobs >= 1 else { throw ValidationError("--jobs must be at least 1") }
        for input in inputs where !FileManager.default.fileExists(atPath: input) {
            throw ValidationError("no such input: \(input)")
        }
    }

    func run() async throws {
        var pipeline = try options.pipeline()
        pipeline.patientKeySalt = salt
        let limits: FrequencyLimits
        do { limits = try FrequencyLimits(source: options.lexicons.map { .directory($0) } ?? .embedded) } catch {
            throw ValidationError("lexicon error: \(error)")
        }
        let batchInputs = BatchInputs(paths: inputs, maxBytes: options.maxBytes)
        let progress = ProgressReporter(total: StandardStreams.errorIsTerminal ? batchInputs.count() : nil)
        let summary: BatchRunner.Summary
        do {
            summary = try await BatchRunner(pipeline: pipeline, limits: limits).run(
                batchInputs, output: out, options: .init(jobs: jobs, format: format == .csv ? .csv : .jsonl, resume: resume),
                progress: { progress.update($0) })
        } catch {
            progress.finish()
            StandardStreams.writeError("needlepoint batch: \(error)\n")
            throw ExitCode(2)
        }
        progress.finish()
        let rate = summary.seconds > 0 ? Double(summary.notes - summary.resumed) / summary.seconds : 0
        var line = "batch: \(summary.notes) notes (\(summary.failed) error records"
        if summary.resumed > 0 { line += ", \(summary.resumed) resumed" }
        line += ", \(summary.flaggedForFrequency) over a frequency limit) in \(summary.seconds.formatted(decimals: 1)) s, "
        line += "\(rate.formatted(decimals: 0)) notes/s -> \(out)\n"
        StandardStreams.writeError(line)
        if summary.failed > 0 { throw ExitCode(1) }
    }
}


/// A progress bar on a terminal (notes done, notes/s, ETA); silent otherwise.
final class ProgressReporter: Sendable {
    private let total: Int?
    private let start = ContinuousClock.now
    /// When the bar was last drawn.
    private let last = Mutex<ContinuousClock.Instant?>(nil)

    init(total: Int?) { self.total = total }

    func update(_ done: Int) {
        guard let total else { return }
        last.withLock { last in
            let now = ContinuousClock.now
            if let drawn = last, now - drawn < .milliseconds(100), done != total { return }
            last = now
            let elapsed = (now - start).seconds
            let rate = elapsed > 0 ? Double(done) / elapsed : 0
            let remaining = rate > 0 ? Double(max(0, total - done)) / rate : 0
            let width = 30
            let filled = total > 0 ? min(width, width * done / total) : 0
            let bar = String(repeating: "#", count: filled) + String(repeating: ".", count: width - filled)
            StandardStreams.writeError("\r[\(bar)] \(done)/\(total) notes  \(Int(rate)) notes/s  ETA \(Int(remaining.rounded())) s ")
        }
    }

    func finish() {
        guard total != nil else { return }
        StandardStreams.writeError("\n")
    }
}
