import Foundation
import Testing
import _NeedlepointTestSupport

/// Runs the built `needlepoint` binary as a user would.
@Suite("needlepoint command line")
struct CLITests {
    struct Run {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    static var binary: String {
        let folder = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        let beside = folder.appendingPathComponent("needlepoint").path
        if FileManager.default.isExecutableFile(atPath: beside) { return beside }
        return Fixtures.root + "/.build/debug/needlepoint"
    }

    func run(_ arguments: [String], stdin: Data? = nil) throws -> Run {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: Self.binary)
        process.arguments = arguments
        process.currentDirectoryURL = URL(fileURLWithPath: Fixtures.root)
        let out = Pipe(), err = Pipe(), input = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = input
        try process.run()
        if let stdin { input.fileHandleForWriting.write(stdin) }
        try input.fileHandleForWriting.close()
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Run(status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self),
                   stderr: String(decoding: stderr, as: UTF8.self))
    }

    @Test("code --format json prints the contract result of the example note")
    func codeJSON() throws {
        let run = try run(["code", "--format", "json", "Corpora/examples/lumbar-tfesi.txt"])
        #expect(run.status == 0)
        let object = try #require(JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        #expect(object["schema"] as? String == "needlepoint.result/1")
        #expect(object["id"] as? String == "lumbar-tfesi")
        let procedure = try #require((object["procedures"] as? [[String: Any]])?.first)
        #expect(procedure["levels"] as? [String] == ["L4-L5", "L5-S1"])
        #expect(object["codes"] as? [Any] != nil)
    }

    @Test("code reads standard input and prints people's text")
    func codeStdin() throws {
        let run = try run(["code", "--format", "text"], stdin: Data("Right L5-S1 TFESI under fluoroscopy. VAS 7/10 before, 2/10 after.".utf8))
        #expect(run.status == 0)
        #expect(run.stdout.contains("epidural-transforaminal | lumbar-sacral | L5-S1 | right | guidance: fluoroscopy"))
        #expect(run.stdout.contains("before 7; after 2"))
    }

    @Test("jsonl gives one line per file, errors included, and exit status 1 when any failed")
    func jsonlWithErrors() throws {
        let empty = FileManager.default.temporaryDirectory.appendingPathComponent("np-empty-\(UUID().uuidString).txt")
        try Data().write(to: empty)
        defer { try? FileManager.default.removeItem(at: empty) }
        let run = try run(["code", "--format", "jsonl", "Corpora/examples/lumbar-tfesi.txt", empty.path, "/no/such/file.txt"])
        #expect(run.status == 1)
        let lines = run.stdout.split(separator: "\n")
        #expect(lines.count == 3)
        #expect(lines[1].contains("\"kind\":\"empty\""))
        #expect(lines[2].contains("\"kind\":\"unreadable\""))
    }

    @Test("binary input is an error record that leaks nothing")
    func binaryInput() throws {
        let run = try run(["code", "--format", "json"], stdin: Data([0x53, 0x45, 0x43, 0x52, 0x45, 0x54, 0x00, 0xFF]))
        #expect(run.status == 1)
        #expect(run.stdout.contains("\"kind\": \"binary\""))
        #expect(!run.stdout.contains("SECRET") && !run.stderr.contains("SECRET"))
    }

    @Test("standard input that cannot be read is an error record, not a truncated note")
    func unreadableStandardInput() throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: Self.binary)
        process.arguments = ["code", "--format", "json"]
        let out = Pipe()
        process.standardOutput = out
        process.standardError = Pipe()
        let folder = try #require(FileHandle(forReadingAtPath: Fixtures.root + "/Corpora"))  // reading a folder fails: EISDIR
        process.standardInput = folder
        try process.run()
        let stdout = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 1)
        #expect(stdout.contains("\"kind\": \"unreadable\""))
        #expect(stdout.contains("cannot read standard input"))
    }

    @Test("batch: the summary line gives seconds to one decimal and whole notes per second")
    func batchSummaryFormat() throws {
        let out = FileManager.default.temporaryDirectory.appendingPathComponent("np-summary-\(UUID().uuidString).jsonl").path
        defer { try? FileManager.default.removeItem(atPath: out) }
        let run = try run(["batch", "Corpora/examples", "--out", out, "--jobs", "1"])
        #expect(run.status == 0)
        let summary = try #require(run.stderr.split(separator: "\n").last.map(String.init))
        #expect(summary.wholeMatch(of: /batch: \d+ notes \(0 error records, 0 over a frequency limit\) in \d+\.\d s, \d+ notes\/s -> .+/) != nil,
                "\(summary)")
    }

    @Test("batch: a run killed mid-way resumes without duplicating or losing a line")
    func resumeAfterKill() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("np-resume-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let count = 6_000
        var text = ""
        for index in 0..<count {
            text += "{\"id\": \"n\(index)\", \"text\": \"Right L\(index % 2 == 0 ? "4-5" : "5-S1") TFESI under fluoroscopy. VAS 7/10 before, 2/10 after.\"}\n"
        }
        let input = dir.appendingPathComponent("in.jsonl").path
        try text.write(toFile: input, atomically: true, encoding: .utf8)
        let out = dir.appendingPathComponent("out.jsonl").path

        let process = Process()
        process.executableURL = URL(fileURLWithPath: Self.binary)
        process.arguments = ["batch", input, "--out", out, "--jobs", "2"]
        process.standardError = FileHandle.nullDevice
        try process.run()
        // Kill it once some results are on disk and before it finishes.
        var partialLines = 0
        for _ in 0..<600 where process.isRunning {
            Thread.sleep(forTimeInterval: 0.02)
            partialLines = (try? String(contentsOfFile: out + ".partial", encoding: .utf8))?.split(separator: "\n").count ?? 0
            if partialLines >= 300 { break }
        }
        try #require(process.isRunning, "the run finished before it could be killed; make the input larger")
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        #expect(!FileManager.default.fileExists(atPath: out), "a killed run must not leave a result file")
        #expect(FileManager.default.fileExists(atPath: out + ".partial"))

        let resumed = try run(["batch", input, "--out", out, "--jobs", "2", "--resume"])
        #expect(resumed.status == 0)
        #expect(resumed.stderr.contains("resumed"))
        let ids = try String(contentsOfFile: out, encoding: .utf8).split(separator: "\n").map { line -> String in
            let object = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any]
            return object?["id"] as? String ?? "?"
        }
        #expect(ids == (0..<count).map { "n\($0)" })
        #expect(!FileManager.default.fileExists(atPath: out + ".partial"))
    }

    @Test("batch prints a one-line summary off a terminal and exits 1 when some notes are error records")
    func batchSummary() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("np-batch-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        try "Right L5-S1 TFESI.".write(to: dir.appendingPathComponent("a.txt"), atomically: true, encoding: .utf8)
        try Data([0x00, 0x01]).write(to: dir.appendingPathComponent("b.txt"))
        let out = dir.appendingPathComponent("r.jsonl").path
        let run = try run(["batch", dir.path, "--out", out])
        #expect(run.status == 1)
        #expect(run.stderr.hasPrefix("batch: 2 notes (1 error records"))
        let missing = try self.run(["batch", "/no/such/folder", "--out", out])
        #expect(missing.status != 0 && missing.stderr.contains("no such input"))
    }

    @Test("eval --negex prints the two lines other tools read")
    func evalNegex() throws {
        let run = try run(["eval", "--negex", Fixtures.negex])
        #expect(run.status == 0)
        let lines = run.stdout.split(separator: "\n").map(String.init)
        #expect(lines.contains { $0.hasPrefix("negation precision=") && $0.contains(" recall=") && $0.contains(" f1=") })
        #expect(lines.contains { $0.hasPrefix("historical precision=") })
    }

    @Test("eval on a gold folder prints per-area scores")
    func evalGold() throws {
        let run = try run(["eval", "Corpora/examples"])
        #expect(run.status == 0)
        #expect(run.stdout.contains("levels precision=1.000 recall=1.000 f1=1.000"))
    }

    @Test("help teaches with examples; mistakes are explained")
    func help() throws {
        let help = try run(["code", "--help"])
        #expect(help.stdout.contains("needlepoint code --format json"))
        let mistake = try run(["eval"])
        #expect(mistake.status != 0)
        #expect(mistake.stderr.contains("give a gold folder"))
    }

    @Test("review turns a batch's results into the HTML report and the two CSV tables; bad input is explained")
    func review() throws {
        let folder = NSTemporaryDirectory() + "needlepoint-cli-review-\(getpid())"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let results = folder + "/results.jsonl"
        #expect(try run(["batch", "Corpora/reference-examples", "--out", results]).status == 0)
        let run = try run(["review", results, "--html", folder + "/report.html", "--csv", folder + "/summary.csv",
                           "--notes", "Corpora/reference-examples", "--worklist", "5"])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stderr.contains("review: 29 notes (0 unreadable"))
        #expect(run.stderr.contains("worklist 5 with 5 excerpts"))
        let html = try String(contentsOfFile: folder + "/report.html", encoding: .utf8)
        #expect(html.contains("<h1>Documentation review</h1>") && html.contains("<svg"))
        #expect(html.matches(of: /<tr id="worklist-\d+"/).count == 5)
        let notes = try String(contentsOfFile: folder + "/summary-notes.csv", encoding: .utf8)
        #expect(notes.split(separator: "\n").count == 30)
        #expect(FileManager.default.fileExists(atPath: folder + "/summary.csv"))

        let missing = try self.run(["review", folder + "/none.jsonl", "--html", folder + "/x.html"])
        #expect(missing.status != 0 && missing.stderr.contains("no such results file"))
        FileManager.default.createFile(atPath: folder + "/empty.jsonl", contents: Data())
        let empty = try self.run(["review", folder + "/empty.jsonl", "--html", folder + "/x.html"])
        #expect(empty.status == 2 && empty.stderr.contains("holds no results"))
        #expect(!FileManager.default.fileExists(atPath: folder + "/x.html"))
    }
}
