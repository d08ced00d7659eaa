#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
public import NotePipeline

/// Runs the pipeline over every annotated note under some folders and scores it against gold.
///
/// A gold file `NAME.gold.json` scores the note `NAME.txt` (or `NAME.xml`) beside it; a folder
/// whose notes live elsewhere (public notes are read in place, never copied) holds a file
/// `notes.path` naming that folder, relative to the gold folder.
public struct CorpusEvaluation: Sendable {
    public struct NoteOutcome: Sendable {
        public var id: String
        public var comparison: NoteComparison
        public var error: String?
    }

    public var notes: [NoteOutcome] = []
    /// Score per area ("levels", "codes", …).
    public var areas: [String: Score] = [:]
    /// Score per code ("64483") and per flag id.
    public var perCode: [String: Score] = [:]
    public var perFlag: [String: Score] = [:]

    /// Gold files found under `paths` (folders are searched recursively), sorted.
    public static func goldFiles(under paths: [String]) -> [String] {
        var files: [String] = []
        for path in paths {
            if path.hasSuffix(".gold.json") {
                files.append(path)
            } else if let entries = try? FileManager.default.contentsOfDirectory(atPath: path) {
                files += goldFiles(under: entries.sorted().map { path + "/" + $0 })
            }
        }
        return files.sorted()
    }

    /// The note a gold file scores, or nil when it cannot be found.
    public static func notePath(forGold gold: String) -> String? {
        let base = String(gold.dropLast(".gold.json".count))
        let folder = gold.split(separator: "/", omittingEmptySubsequences: false).dropLast().joined(separator: "/")
        let name = base.split(separator: "/").last.map(String.init) ?? base
        var candidates = [base + ".txt", base + ".xml"]
        if let data = FileManager.default.contents(atPath: folder + "/notes.path") {
            let pointer = String(decoding: data, as: UTF8.self).split(whereSeparator: \.isNewline).first.map(String.init) ?? ""
            let notes = folder + "/" + pointer.filter { $0 != " " && $0 != "\t" && $0 != "\r" }
            candidates += [notes + "/" + name + ".txt", notes + "/" + name + ".xml"]
        }
        return candidates.first { FileManager.default.fileExists(atPath: $0) }
    }

    public init(goldPaths: [String], pipeline: NeedlepointPipeline) throws {
        for goldPath in Self.goldFiles(under: goldPaths) {
            let id = String((goldPath.split(separator: "/").last ?? "").dropLast(".gold.json".count))
            let gold = try GoldAnnotation.load(goldPath)
            guard let notePath = Self.notePath(forGold: goldPath),
                  let data = FileManager.default.contents(atPath: notePath) else {
                notes.append(NoteOutcome(id: id, comparison: NoteComparison(result: .object([:]), gold: gold),
                                         error: "no note found for \(goldPath)"))
                continue
            }
            let result = ResultEncoder.json(pipeline.run(bytes: Array(data), id: id))
            let comparison = NoteComparison(result: result, gold: gold)
            notes.append(NoteOutcome(id: id, comparison: comparison, error: result["error"]?["message"]?.stringValue))
            for area in Set(comparison.gold.keys).union(comparison.predicted.keys) {
                let compared = Score.compare(predicted: comparison.predicted[area] ?? [], gold: comparison.gold[area] ?? [])
                areas[area, default: Score()] += compared.score
            }
            Self.tally(&perCode, comparison, area: "codes") { String($0.prefix(5)) }
            Self.tally(&perFlag, comparison, area: "flags") { $0 }
        }
    }

    private static func tally(_ table: inout [String: Score], _ comparison: NoteComparison, area: String,
                              key: (String) -> String) {
        guard let gold = comparison.gold[area] else { return }
        let predicted = comparison.predicted[area] ?? []
        for name in Set((gold + predicted).map(key)) {
            let compared = Score.compare(predicted: predicted.filter { key($0) == name }, gold: gold.filter { key($0) == name })
            table[name, default: Score()] += compared.score
        }
    }

    /// Share of notes with code gold whose code lines are exactly right.
    public var exactCodeShare: (exact: Int, of: Int) {
        let judged = notes.compactMap(\.comparison.codesExact)
        return (judged.filter { $0 }.count, judged.count)
    }

    /// The report `needlepoint eval` prints.
    public func report(verbose: Bool) -> String {
        var out = "notes: \(notes.count)\n"
        for area in NoteComparison.factAreas + ["codes", "flags"] {
            guard let score = areas[area] else { continue }
            out += "\(area) \(score.line) (tp=\(score.truePositives) fp=\(score.falsePositives) fn=\(score.falseNegatives))\n"
        }
        let exact = exactCodeShare
        if exact.of > 0 {
            let share = Score.three(Double(exact.exact) / Double(exact.of))
            out += "exact code set: \(exact.exact)/\(exact.of) notes (\(share))\n"
        }
        if !perCode.isEmpty {
            out += "per code:\n"
            for (code, score) in perCode.sorted(by: { $0.key < $1.key }) { out += "  \(code) \(score.line) (n=\(score.support))\n" }
        }
        if !perFlag.isEmpty {
            out += "per flag:\n"
            for (flag, score) in perFlag.sorted(by: { $0.key < $1.key }) { out += "  \(flag) \(score.line) (n=\(score.support))\n" }
        }
        if verbose {
            out += "disagreements:\n"
            for note in notes {
                if let error = note.error { out += "  \(note.id): error: \(error)\n" }
                for area in NoteComparison.factAreas + ["codes", "flags"] {
                    guard let gold = note.comparison.gold[area] else { continue }
                    let compared = Score.compare(predicted: note.comparison.predicted[area] ?? [], gold: gold)
                    for item in compared.missed { out += "  \(note.id): \(area) missed: \(item)\n" }
                    for item in compared.extra { out += "  \(note.id): \(area) extra: \(item)\n" }
                }
            }
        }
        return out
    }
}
