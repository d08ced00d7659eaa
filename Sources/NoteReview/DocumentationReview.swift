#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
public import NotePipeline
import ProcedureCoding

/// `needlepoint review`: reads a batch's results once, line by line (memory bounded by providers,
/// flag ids and the worklist, not by notes), and writes the HTML report and, when asked, the CSV
/// tables. Output files appear atomically when complete.
public struct DocumentationReview: Sendable {
    public struct Options: Sendable {
        /// Notes listed on the worklist.
        public var worklistSize = 30
        /// What the batch read (folders, .txt/.xml, .jsonl), for excerpts; empty for none.
        public var notes: [String] = []
        /// Where the provider × flag CSV goes; the per-note CSV goes beside it (`-notes.csv`).
        public var csv: String?

        public init() {}
    }

    /// What was read and written.
    public struct Summary: Sendable {
        public var notes = 0
        public var unreadable = 0
        public var notesWithGaps = 0
        public var worklist = 0
        public var excerpts = 0
        public var written: [String] = []
    }

    let pipeline: NeedlepointPipeline

    /// - Parameter pipeline: reads notes for excerpts (its tagger finds the identifiers to remove)
    ///   and supplies the flags' messages for the legend.
    public init(pipeline: NeedlepointPipeline) {
        self.pipeline = pipeline
    }

    /// Reviews `results` (a JSON Lines file of contract results) into an HTML report at `html`.
    /// `progress` gets the bytes read so far.
    public func run(results: String, html: String, options: Options = Options(),
                    progress: (Int) -> Void = { _ in }) throws(ReviewError) -> Summary {
        guard var reader = LineReader(path: results, maxLine: Int.max) else { throw .cannotRead(results) }
        var tally = ReviewTally()
        var worklist = Worklist(capacity: options.worklistSize)
        let noteTable = try options.csv.map { path throws(ReviewError) in try open(ReviewCSV.notesPath(beside: path)) }
        var lineNumber = 0, bytesRead = 0
        do {
            try noteTable?.write(ReviewCSV.noteHeader)
            while let line = reader.next() {
                lineNumber += 1
                guard case .line(let bytes) = line else { continue }  // maxLine is unbounded
                bytesRead += bytes.count + 1
                if bytes.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }) { continue }
                let note = ReviewedNote(resultLine: bytes, lineNumber: lineNumber)
                tally.add(note)
                if case .coded(let coded) = note { worklist.offer(coded) }
                try noteTable?.write(ReviewCSV.noteRow(note))
                if lineNumber % 1000 == 0 { progress(bytesRead) }
            }
            progress(bytesRead)
        } catch {
            noteTable?.discard()
            throw .cannotWrite(error.description)
        }
        guard tally.notes > 0 else {
            noteTable?.discard()
            throw .noResults(results)
        }

        let found = options.notes.isEmpty ? [:] : NoteExcerpts(pipeline: pipeline, inputs: options.notes).find(worklist.notes)
        var messages: [String: String] = [:]
        for id in FlagID.allCases { messages[id.rawValue] = pipeline.coder.rules.message(for: id) }
        let page = ReviewPage(tally: tally, worklist: worklist, found: found.mapValues { entry in
            var entry = entry
            entry.path = Paths.absolute(entry.path)
            return entry
        }, source: String(results.split(separator: "/").last ?? Substring(results)),
           reportDirectory: Paths.directory(of: Paths.absolute(html)), flagMessages: messages)

        var summary = Summary(notes: tally.notes, unreadable: tally.unreadable, notesWithGaps: tally.notesWithGaps,
                              worklist: worklist.notes.count, excerpts: found.values.count { $0.excerpt != nil })
        do throws(ReviewError) {
            try write(page.html(), to: html)
            summary.written.append(html)
            if let csv = options.csv, let noteTable {
                try write(ReviewCSV.providerHeader + ReviewCSV.providerRows(tally), to: csv)
                do { try noteTable.commit() } catch { throw ReviewError.cannotWrite(error.description) }
                summary.written += [csv, noteTable.target]
            }
        } catch {
            noteTable?.discard()
            throw error
        }
        return summary
    }

    private func open(_ path: String) throws(ReviewError) -> AtomicFile {
        do { return try AtomicFile(target: path) } catch { throw .cannotWrite(error.description) }
    }

    private func write(_ text: String, to path: String) throws(ReviewError) {
        let file = try open(path)
        do {
            try file.write(text)
            try file.commit()
        } catch {
            file.discard()
            throw .cannotWrite(error.description)
        }
    }
}

/// Why a review could not be made.
public enum ReviewError: Error, CustomStringConvertible, Equatable {
    case cannotRead(String)
    case noResults(String)
    case cannotWrite(String)

    public var description: String {
        switch self {
        case .cannotRead(let path): "cannot read \(path)"
        case .noResults(let path): "\(path) holds no results (expected one needlepoint.result/1 JSON object per line, as written by needlepoint batch)"
        case .cannotWrite(let reason): reason
        }
    }
}

/// Absolute, normalized paths, for links from the report to note files.
enum Paths {
    static func absolute(_ path: String) -> String {
        let joined = path.hasPrefix("/") ? path : FileManager.default.currentDirectoryPath + "/" + path
        var parts: [Substring] = []
        for part in joined.split(separator: "/") {
            if part == "." { continue }
            if part == ".." { _ = parts.popLast(); continue }
            parts.append(part)
        }
        return "/" + parts.joined(separator: "/")
    }

    static func directory(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "." }
        return slash == path.startIndex ? "/" : String(path[..<slash])
    }
}
