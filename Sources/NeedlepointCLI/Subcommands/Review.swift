import ArgumentParser
import FoundationEssentials
import LexiconKit
import NotePipeline
import NoteReview

struct Review: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "review",
        abstract: "Review a batch's documentation quality: an HTML report with charts, and CSV tables.",
        discussion: """
        Reads RESULTS (the JSON Lines written by `needlepoint batch`) once, in bounded memory, and \
        writes one self-contained HTML page (inline CSS and SVG: it opens offline, prints, and can \
        be mailed): headline figures, flag frequency, flags by provider, procedure mix, pain-score \
        change, a table per provider (notes, gap rates, commonest gap) and a worklist of the notes \
        to review first (errors, then warnings, most flags first).

        With --notes, give what the batch read (the same folders or files): the worklist then shows \
        an excerpt of each note around its evidence, with the patient's name, record number and \
        date of birth removed, and links to the note files. Patients appear only as keys (salted \
        hashes) in the CSV, never in the HTML.

        With --csv FILE: FILE gets one row per provider × flag (rates, zeros included, all \
        providers first) and FILE-notes.csv beside it one row per note (codes, flags, provider, \
        date, patient key, pain scores).

        Examples:
          needlepoint batch Corpora --out results.jsonl
          needlepoint review results.jsonl --html report.html --notes Corpora
          needlepoint review results.jsonl --html report.html --csv summary.csv --worklist 100
        """)

    @Argument(help: ArgumentHelp("Results of `needlepoint batch` (JSON Lines).", valueName: "results"), completion: .file())
    var results: String

    @Option(name: .long, help: ArgumentHelp("Where to write the HTML report.", valueName: "file"))
    var html: String

    @Option(name: .long, help: ArgumentHelp("Also write the provider × flag table here, and the per-note table beside it.", valueName: "file"))
    var csv: String?

    @Option(name: .long, help: ArgumentHelp("What the batch read (repeat for several), for excerpts and links in the worklist.", valueName: "path"))
    var notes: [String] = []

    @Option(name: .long, help: ArgumentHelp("How many notes the worklist lists.", valueName: "n"))
    var worklist = 30

    @Option(name: .long, help: ArgumentHelp("Lexicon folder to read the notes with (default: the built-in copy).", valueName: "dir"))
    var lexicons: String?

    func validate() throws {
        guard FileManager.default.fileExists(atPath: results) else { throw ValidationError("no such results file: \(results)") }
        for path in notes where !FileManager.default.fileExists(atPath: path) { throw ValidationError("no such notes path: \(path)") }
        guard worklist >= 0 else { throw ValidationError("--worklist must be 0 or more") }
        if let csv, csv == html { throw ValidationError("--csv and --html must be different files") }
    }

    func run() throws {
        let pipeline: NeedlepointPipeline
        do { pipeline = try NeedlepointPipeline(lexicons: lexicons.map { .directory($0) } ?? .embedded) } catch {
            throw ValidationError("lexicon error: \(error)")
        }
        var options = DocumentationReview.Options()
        options.worklistSize = worklist
        options.notes = notes
        options.csv = csv
        let size = NoteFile.size(results) ?? 0
        let onTerminal = StandardStreams.errorIsTerminal
        let summary: DocumentationReview.Summary
        do {
            summary = try DocumentationReview(pipeline: pipeline).run(results: results, html: html, options: options) { bytes in
                guard onTerminal, size > 0 else { return }
                StandardStreams.writeError("\rreading results: \(min(100, bytes * 100 / size))% ")
            }
        } catch {
            StandardStreams.writeError("\(onTerminal ? "\n" : "")needlepoint review: \(error)\n")
            throw ExitCode(2)
        }
        var line = onTerminal ? "\n" : ""
        line += "review: \(summary.notes) notes (\(summary.unreadable) unreadable, \(summary.notesWithGaps) with gaps); "
        line += "worklist \(summary.worklist)"
        if !notes.isEmpty { line += " with \(summary.excerpts) excerpts" }
        line += " -> \(summary.written.joined(separator: ", "))\n"
        StandardStreams.writeError(line)
    }
}
