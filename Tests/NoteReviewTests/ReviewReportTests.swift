import Foundation
import NotePipeline
import NoteReview
import Testing
import _NeedlepointTestSupport

/// The review of a real batch (every note in `Corpora/`, plus unreadable inputs): each figure in
/// the HTML and the CSV equals the one this test counts itself from the results with
/// JSONSerialization, and no patient identifier reaches the HTML.
@Suite("needlepoint review report")
struct ReviewReportTests {
    /// One review made once for the suite: results of every corpus note, two error records and a
    /// line that is not a result.
    struct Made {
        let folder: String
        /// The result lines as written.
        let lines: [String]
        /// Each line parsed by JSONSerialization (nil: not a result).
        var results: [[String: Any]?] { lines.map { try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any] } }
        let html: String
        let summaryCSV: [[String]]
        let notesCSV: [[String]]
    }

    static let made: Made = {
        let folder = NSTemporaryDirectory() + "needlepoint-review-\(getpid())"
        try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        var lines: [String] = []
        for item in BatchInputs(paths: [Fixtures.root + "/Corpora"]) {
            guard case .bytes(let bytes) = item.payload else { continue }
            lines.append(ResultEncoder.json(Fixtures.pipeline.run(bytes: bytes, id: item.id)).serialized())
        }
        lines.append(ResultEncoder.json(Fixtures.pipeline.run(bytes: [], id: "broken/empty")).serialized())
        lines.append(ResultEncoder.json(Fixtures.pipeline.run(bytes: [0, 1, 2, 0xFF], id: "broken/binary")).serialized())
        lines.append("{this is not json")
        let resultsPath = folder + "/results.jsonl"
        precondition(FileManager.default.createFile(atPath: resultsPath, contents: Data(lines.joined(separator: "\n").utf8 + [0x0A])),
                     "cannot write the fixture results")
        var options = DocumentationReview.Options()
        options.worklistSize = 1000  // every note with a gap, so every excerpt is checked
        options.notes = [Fixtures.root + "/Corpora"]
        options.csv = folder + "/summary.csv"
        do {
            _ = try DocumentationReview(pipeline: Fixtures.pipeline).run(results: resultsPath, html: folder + "/report.html", options: options)
        } catch {
            fatalError("review failed: \(error)")
        }
        func read(_ path: String) -> String { (try? String(contentsOfFile: path, encoding: .utf8)) ?? "" }
        return Made(folder: folder,
                    lines: lines,
                    html: read(folder + "/report.html"),
                    summaryCSV: parseCSV(read(folder + "/summary.csv")),
                    notesCSV: parseCSV(read(folder + "/summary-notes.csv")))
    }()

    // MARK: Independent counting

    struct Counted {
        var notes = 0, unreadable = 0, withGaps = 0, withCodes = 0, fullySupported = 0
        var flagNotes: [String: Int] = [:]
        var families: [String: Int] = [:]
        var painChange: [Int: Int] = [:]
        /// provider key → (notes, flag → notes)
        var providers: [String: (notes: Int, flags: [String: Int])] = [:]
        var gapNotes: [(id: String, errors: Int, gaps: Int)] = []
    }

    static func providerKey(_ name: String?) -> String {
        (name ?? "").lowercased().components(separatedBy: CharacterSet.alphanumerics.inverted).filter { !$0.isEmpty }.joined(separator: " ")
    }

    static let counted: Counted = {
        var counted = Counted()
        for result in made.results {
            counted.notes += 1
            guard let result, result["error"] == nil else { counted.unreadable += 1; continue }
            let flags = result["flags"] as? [[String: Any]] ?? []
            let gaps = flags.filter { ($0["severity"] as? String) != "info" }
            let codes = result["codes"] as? [Any] ?? []
            if !gaps.isEmpty {
                counted.withGaps += 1
                counted.gapNotes.append((result["id"] as! String, flags.filter { ($0["severity"] as? String) == "error" }.count, gaps.count))
            }
            if !codes.isEmpty { counted.withCodes += 1 }
            if !codes.isEmpty && gaps.isEmpty { counted.fullySupported += 1 }
            let ids = Set(flags.compactMap { $0["id"] as? String })
            for id in ids { counted.flagNotes[id, default: 0] += 1 }
            for procedure in result["procedures"] as? [[String: Any]] ?? [] { counted.families[procedure["family"] as! String, default: 0] += 1 }
            if let pain = result["pain"] as? [String: Any], let pre = pain["pre"] as? Double, let post = pain["post"] as? Double,
               (0...10).contains(pre), (0...10).contains(post) {
                counted.painChange[Int((post - pre).rounded()), default: 0] += 1
            }
            let key = providerKey((result["encounter"] as? [String: Any])?["provider"] as? String)
            var provider = counted.providers[key] ?? (0, [:])
            provider.notes += 1
            for id in ids { provider.flags[id, default: 0] += 1 }
            counted.providers[key] = provider
        }
        return counted
    }()

    // MARK: HTML figures

    @Test("the headline figures are the counts of the results")
    func headline() throws {
        let counted = Self.counted
        #expect(counted.notes == Self.made.results.count && counted.unreadable == 3)
        #expect(try figure("notes") == String(counted.notes))
        #expect(try figure("notes-with-gaps") == String(counted.withGaps))
        #expect(try figure("unreadable") == String(counted.unreadable))
        let share = (Double(counted.fullySupported) * 1000 / Double(counted.withCodes)).rounded() / 10
        #expect(try figure("fully-supported") == String(format: "%.1f%%", share))
        #expect(Self.made.html.contains("\(counted.fullySupported) of \(counted.withCodes) notes with codes"))
    }

    @Test("the flag chart, the procedure mix and the pain histogram draw the counted values")
    func charts() throws {
        let counted = Self.counted
        #expect(try values(in: "flags", pattern: #"data-label="([^"]+)" data-value="(\d+)""#) == counted.flagNotes)
        #expect(try values(in: "procedures", pattern: #"data-label="([^"]+)" data-value="(\d+)""#) == counted.families)
        let bins = try values(in: "pain", pattern: #"data-bin="(-?\d+)" data-value="(\d+)""#).filter { $0.value > 0 }
        #expect(bins == Dictionary(uniqueKeysWithValues: counted.painChange.map { (String($0.key), $0.value) }))
        #expect(!counted.painChange.isEmpty && counted.flagNotes.count > 10)
    }

    @Test("the heat map and the provider table give each provider's flag counts")
    func providers() throws {
        let counted = Self.counted
        let heat = try section("providers-heat")
        let cells = heat.matches(of: /data-row="([^"]+)" data-column="([^"]+)" data-count="(\d+)"/)
        #expect(cells.count > 100)
        for cell in cells where !cell.1.contains(" other providers (") {
            let key = String(cell.1) == "(no provider documented)" ? "" : Self.providerKey(Self.unescaped(cell.1))
            let provider = try #require(counted.providers[key], "no provider \(cell.1)")
            #expect(provider.flags[String(cell.2)] ?? 0 == Int(cell.3)!, "\(cell.1) \(cell.2)")
        }
        let table = try section("provider-table")
        let rows = table.matches(of: /<tr data-provider="([^"]+)">(.*?)<\/tr>/)
        #expect(rows.count == counted.providers.count)
        for row in rows {
            let key = String(row.1) == "(no provider documented)" ? "" : Self.providerKey(Self.unescaped(row.1))
            let provider = try #require(counted.providers[key])
            let notes = try #require(row.2.firstMatch(of: /<td class="number">(\d+)<\/td>/))
            #expect(Int(notes.1) == provider.notes)
            let rates = Dictionary(uniqueKeysWithValues: row.2.matches(of: /data-flag="([^"]+)" data-count="(\d+)"/).map { (String($0.1), Int($0.2)!) })
            #expect(rates == provider.flags, "\(row.1)")
        }
    }

    @Test("the worklist lists notes with errors first, then the most gaps, as the results say")
    func worklist() throws {
        let expected = Self.counted.gapNotes.sorted { lhs, rhs in
            if (lhs.errors > 0) != (rhs.errors > 0) { return lhs.errors > 0 }
            if lhs.gaps != rhs.gaps { return lhs.gaps > rhs.gaps }
            if lhs.errors != rhs.errors { return lhs.errors > rhs.errors }
            return lhs.id < rhs.id
        }.map(\.id)
        let listed = try section("worklist").matches(of: /<tr id="worklist-\d+" data-note="([^"]+)">/).map { String($0.1) }
        #expect(listed == expected)
        // Excerpts come from the notes and highlight their evidence.
        #expect(try section("worklist").matches(of: /<blockquote class="excerpt">.*?<mark>/).count == expected.count)
    }

    // MARK: CSV

    @Test("the CSV gives every provider × flag count and one row per note")
    func csv() throws {
        let counted = Self.counted
        let summary = Self.made.summaryCSV
        #expect(summary.first == ["provider", "flag", "severity", "provider_notes", "notes_with_flag", "rate"])
        let rows = summary.dropFirst()
        #expect(rows.count == (counted.providers.count + 1) * counted.flagNotes.count)
        for row in rows {
            if row[0] == "(all providers)" {
                #expect(Int(row[3]) == counted.notes - counted.unreadable)
                #expect(Int(row[4]) == counted.flagNotes[row[1]])
            } else {
                let provider = try #require(counted.providers[row[0] == "(no provider documented)" ? "" : Self.providerKey(row[0])])
                #expect(Int(row[3]) == provider.notes && Int(row[4]) == provider.flags[row[1]] ?? 0, "\(row)")
                #expect(abs(Double(row[5])! - Double(provider.flags[row[1]] ?? 0) / Double(provider.notes)) < 0.0001)
            }
        }
        let notes = Self.made.notesCSV
        #expect(notes.count == counted.notes + 1)
        #expect(notes.dropFirst().map { $0[0] } == Self.made.results.enumerated().map { index, result in
            result?["id"] as? String ?? "line \(index + 1)"
        })
        #expect(notes.dropFirst().filter { $0[1] == "unreadable" }.count == counted.unreadable)
        #expect(notes.dropFirst().filter { $0[11] == "yes" }.count == counted.fullySupported)
    }

    // MARK: Privacy and self-containment

    @Test("no patient name, record number, date of birth or key appears in the HTML")
    func noPatientIdentifiers() throws {
        let html = Self.made.html
        var identifiers: Set<String> = []
        for path in try FileManager.default.subpathsOfDirectory(atPath: Fixtures.root + "/Corpora") where path.hasSuffix(".txt") {
            let text = try String(contentsOfFile: Fixtures.root + "/Corpora/" + path, encoding: .utf8)
            identifiers.formUnion(Self.identifiers(in: text))
        }
        // Providers are shown by name; a patient who shares a first name with one is not a leak.
        let providerWords = Set(Self.made.results.flatMap { result in
            ((result?["encounter"] as? [String: Any])?["provider"] as? String ?? "").split { $0 == " " || $0 == "," || $0 == "-" }.map(String.init)
        })
        identifiers.subtract(providerWords)
        #expect(identifiers.count > 100)
        let leaked = try identifiers.filter { identifier in
            let pattern = "(?<![\\p{L}\\d])" + NSRegularExpression.escapedPattern(for: identifier) + "(?![\\p{L}\\d])"
            return try NSRegularExpression(pattern: pattern).firstMatch(in: html, range: NSRange(html.startIndex..., in: html)) != nil
        }.sorted()
        #expect(leaked.isEmpty, "in the report: \(leaked)")
        for result in Self.made.results {
            guard let key = (result?["encounter"] as? [String: Any])?["patientKey"] as? String else { continue }
            let shown = html.contains(String(key.prefix(16)))
            #expect(!shown, "a patient key is in the report")
        }
    }

    @Test("the page is self-contained: no script, and nothing loaded from anywhere")
    func selfContained() {
        let html = Self.made.html.lowercased()
        #expect(!html.contains("<script"))
        #expect(!html.contains("http://") && !html.contains("https://"))
        #expect(!html.contains("@import") && !html.contains("url("))
        #expect(!html.contains("<img") && !html.contains("<link"))
    }

    /// Patient names, MRNs and dates of birth as the corpus writes them ("Patient: Gallardo-Pryce,
    /// Leontine", "MRN 52290067", "DOB: 04/02/1979"), found with the test's own patterns.
    static func identifiers(in text: String) -> Set<String> {
        var found: Set<String> = []
        for line in text.split(separator: "\n") {
            for match in line.matches(of: /(?i)\b(?:patient name|patient|pt|name)\s*:\s*(\p{Lu}[\p{L}'\-]+(?:,? \p{Lu}[\p{L}'\-]+){0,2})/) {
                for word in match.1.split(whereSeparator: { $0 == " " || $0 == "," || $0 == "-" }) where word.count >= 3 { found.insert(String(word)) }
            }
            for match in line.matches(of: /(?i)\b(?:MRN|DOB)\s*[:#]?\s*([0-9][0-9\/\-]{4,})/) { found.insert(String(match.1)) }
        }
        return found
    }

    // MARK: Helpers

    static func unescaped(_ html: Substring) -> String {
        html.replacingOccurrences(of: "&#39;", with: "'").replacingOccurrences(of: "&quot;", with: "\"")
            .replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">").replacingOccurrences(of: "&amp;", with: "&")
    }

    func section(_ id: String) throws -> Substring {
        let html = Self.made.html
        let start = try #require(html.range(of: "<section id=\"\(id)\""), "no section \(id)")
        let end = try #require(html[start.upperBound...].range(of: "</section>"))
        return html[start.lowerBound..<end.upperBound]
    }

    func figure(_ key: String) throws -> String {
        let match = try #require(Self.made.html.firstMatch(of: try Regex<(Substring, Substring)>("data-figure=\"\(key)\"><span class=\"value\">([^<]+)<")))
        return String(match.1)
    }

    func values(in sectionID: String, pattern: String) throws -> [String: Int] {
        let regex = try Regex<(Substring, Substring, Substring)>(pattern)
        return Dictionary(uniqueKeysWithValues: try section(sectionID).matches(of: regex).map { (String($0.1), Int($0.2)!) })
    }

    /// RFC 4180 fields (quoted fields may hold commas and doubled quotes).
    static func parseCSV(_ text: String) -> [[String]] {
        var rows: [[String]] = [], row: [String] = [], field = "", quoted = false
        var characters = Array(text)[...]
        while let character = characters.popFirst() {
            if quoted {
                if character == "\"" {
                    if characters.first == "\"" { field.append("\""); characters.removeFirst() } else { quoted = false }
                } else { field.append(character) }
            } else if character == "\"" { quoted = true
            } else if character == "," { row.append(field); field = ""
            } else if character == "\n" { row.append(field); rows.append(row); row = []; field = ""
            } else { field.append(character) }
        }
        return rows
    }
}
