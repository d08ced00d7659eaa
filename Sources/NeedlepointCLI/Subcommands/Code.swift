import ArgumentParser
import FoundationEssentials
import NotePipeline

struct Code: ParsableCommand {
    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, json, jsonl
    }

    static let configuration = CommandConfiguration(
        commandName: "code",
        abstract: "Code notes: proposed codes and flags, and the facts behind them with their evidence.",
        discussion: """
        Reads each FILE (or standard input when no file or '-' is given) as one note. \
        Unreadable input (empty, binary, invalid UTF-8, too large) gives an error record naming the \
        file and the reason, and the exit status is 1; the note's text is never printed in errors.

        Formats:
          text   for people: facts and the text that proves each one (default on a terminal)
          json   the contract result, pretty; an array when several files are given (default otherwise)
          jsonl  one contract result per line

        Example:
          needlepoint code --format json Corpora/examples/lumbar-tfesi.txt
        """)

    @Option(name: .shortAndLong, help: "Output format: text, json or jsonl.")
    var format: Format?

    @Flag(name: .long, help: "Print every tagged mention with its section and assertion (for lexicon work; prints note text).")
    var dump = false

    @OptionGroup var options: PipelineOptions

    @Argument(help: ArgumentHelp("Note files to code; '-' or none reads standard input.", valueName: "file"),
              completion: .file())
    var files: [String] = []

    func run() throws {
        let pipeline = try options.pipeline()
        let inputs = files.isEmpty ? ["-"] : files
        var results: [NoteResult] = []
        for path in inputs {
            results.append(code(path, pipeline))
        }
        if dump {
            for case .coded(let coded) in results.map(\.outcome) { print(MentionDump.render(coded.note, pipeline: pipeline)) }
            return
        }
        let format = self.format ?? (StandardStreams.outputIsTerminal ? .text : .json)
        switch format {
        case .text:
            print(results.map { TextReport.render($0, pipeline: pipeline) }.joined(separator: "\n"), terminator: "")
        case .json:
            var writer = JSONWriter(pretty: true)
            if results.count == 1 {
                ResultEncoder.write(results[0], into: &writer)
            } else {
                writer.beginArray()
                for result in results { ResultEncoder.write(result, into: &writer) }
                writer.endArray()
            }
            print(String(decoding: writer.bytes, as: UTF8.self))
        case .jsonl:
            for result in results { print(String(decoding: ResultEncoder.bytes(result), as: UTF8.self)) }
        }
        if results.contains(where: \.isFailed) {
            throw ExitCode(1)
        }
    }

    private func code(_ path: String, _ pipeline: NeedlepointPipeline) -> NoteResult {
        let id = path == "-" ? "stdin" : NoteID.forFile(path)
        let bytes: [UInt8]
        if path == "-" {
            do { bytes = try StandardStreams.readInput() } catch {
                return NoteResult(id: id, outcome: .failed(NoteError(.unreadable, "\(id): cannot read standard input: \(error)")))
            }
        } else {
            switch NoteFile.read(path, maxBytes: options.maxBytes) {
            case .bytes(let read): bytes = read
            case .failed(let error): return NoteResult(id: id, outcome: .failed(error))
            }
        }
        return pipeline.run(bytes: bytes, id: id)
    }
}
