#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import NoteFacts
import ProcedureCoding

/// Runs a batch: notes stream from the inputs through the pipeline on `jobs` workers and their
/// results are written in input order, one line per note, errors included. Memory stays flat: at
/// most `4 × jobs` chunks of ``chunkSize`` notes are in flight or waiting to be written, and only a
/// small summary per note is kept for the frequency check. The output appears atomically when the run completes; an
/// interrupted run leaves `OUT.partial`, which `resume` continues without duplicating or losing lines.
public struct BatchRunner: Sendable {
    public enum Format: String, Sendable, CaseIterable { case jsonl, csv }

    public struct Options: Sendable {
        public var jobs: Int
        public var format: Format
        public var resume: Bool
        public init(jobs: Int, format: Format = .jsonl, resume: Bool = false) {
            self.jobs = max(1, jobs)
            self.format = format
            self.resume = resume
        }
    }

    /// What a run did.
    public struct Summary: Sendable {
        public var notes = 0
        public var failed = 0
        public var resumed = 0
        public var flaggedForFrequency = 0
        public var seconds = 0.0
    }

    public let pipeline: NeedlepointPipeline
    public let limits: FrequencyLimits

    public init(pipeline: NeedlepointPipeline, limits: FrequencyLimits) {
        self.pipeline = pipeline
        self.limits = limits
    }

    /// Runs the inputs into `output`; `progress` is called with the number of notes written.
    public func run(_ inputs: BatchInputs, output: String, options: Options,
                    progress: @Sendable (Int) -> Void = { _ in }) async throws -> Summary {
        let clock = ContinuousClock.now
        let partialPath = output + ".partial"
        var summary = Summary()
        var sessions: [FrequencyLimits.Session] = []

        // Resume: keep the complete lines of the partial file and re-read their summaries.
        var skip = 0
        if options.resume, let existing = ResultLines(path: partialPath) {
            var kept = 0, keptBytes = 0
            var reader = existing
            while let line = reader.next() {
                // A line that does not read as a result ends what is kept: it and all after it are coded again.
                guard let value = try? JSONValue.parse(line) else { break }
                sessions += self.sessions(of: value, ordinal: kept)
                kept += 1
                keptBytes = reader.consumedBytes
                if value["error"] != nil { summary.failed += 1 }
            }
            truncate(partialPath, off_t(keptBytes))
            skip = kept
            summary.resumed = kept
        }
        let partial = try AtomicFile(target: output, temporary: partialPath, append: skip > 0)
        let jobs = options.jobs
        let window = 4 * jobs
        let pipeline = self.pipeline

        // Notes go to the workers in small chunks, so that handing work between threads costs
        // little next to the work. A worker hands back only what the writer needs: the chunk's
        // lines, and its notes' sessions for the frequency check.
        var pending: [Int: Done] = [:]
        var nextToWrite = skip
        var written = skip
        try await withThrowingTaskGroup(of: Done.self) { group in
            var inFlight = 0
            func drain(_ done: Done) throws {
                pending[done.first] = done
                while let ready = pending.removeValue(forKey: nextToWrite) {
                    try partial.write(ready.lines)
                    sessions += ready.sessions
                    summary.failed += ready.failed
                    nextToWrite += ready.count
                    let before = written
                    written += ready.count
                    if written / 256 != before / 256 { try partial.checkpoint() }
                    progress(written)
                }
            }
            var pendingItems = inputs.makeIterator()
            var exhausted = false
            while !exhausted {
                var chunk: [PendingItem] = []
                chunk.reserveCapacity(Self.chunkSize)
                while chunk.count < Self.chunkSize {
                    guard let item = pendingItems.nextPending() else { exhausted = true; break }
                    if item.ordinal >= skip { chunk.append(item) }
                }
                guard let first = chunk.first?.ordinal else { break }
                while inFlight >= jobs || first >= nextToWrite + window * Self.chunkSize {
                    guard let done = try await group.next() else { break }
                    inFlight -= 1
                    try drain(done)
                }
                group.addTask { self.process(chunk, pipeline: pipeline) }
                inFlight += 1
            }
            while let done = try await group.next() { try drain(done) }
        }
        try partial.checkpoint()
        summary.notes = written

        // Second pass: frequency flags, then the final file (JSON Lines or CSV), atomically. JSON
        // Lines with nothing to add are already final: the partial file is renamed, not copied.
        let flagged = limits.exceeded(sessions)
        summary.flaggedForFrequency = flagged.count
        if flagged.isEmpty, options.format == .jsonl {
            try partial.commit()
            summary.seconds = clock.duration(to: .now).seconds
            return summary
        }
        let final = try AtomicFile(target: output)
        guard var lines = ResultLines(path: partialPath) else { throw BatchError.cannotWrite(partialPath, "cannot reopen") }
        var ordinal = 0
        if options.format == .csv { try final.write(CSVRow.header) }
        while let line = lines.next() {
            var value: JSONValue?
            var text = String(decoding: line, as: UTF8.self)
            if let additions = flagged[ordinal], var parsed = try? JSONValue.parse(line) {
                parsed = FrequencyFlag.add(additions, to: parsed)
                text = parsed.serialized()
                value = parsed
            }
            switch options.format {
            case .jsonl: try final.write(text + "\n")
            case .csv:
                let parsed = try value ?? JSONValue.parse(line)
                for row in CSVRow.rows(parsed) { try final.write(row) }
            }
            ordinal += 1
        }
        try final.commit()
        unlink(partialPath)
        summary.seconds = clock.duration(to: .now).seconds
        return summary
    }

    /// How many notes a worker takes at a time.
    static let chunkSize = 8

    /// Notes done by a worker: their result lines (newlines included), in order from `first`,
    /// and what the writer keeps of them.
    private struct Done: Sendable {
        var first: Int
        var count: Int
        var lines: [UInt8]
        var sessions: [FrequencyLimits.Session]
        var failed: Int
    }

    /// Reads (or parses) and codes a chunk of notes on the worker, and writes their result lines.
    private func process(_ chunk: [PendingItem], pipeline: NeedlepointPipeline) -> Done {
        var writer = JSONWriter(capacity: 8192 * chunk.count)
        var sessions: [FrequencyLimits.Session] = []
        var failed = 0
        for pendingItem in chunk {
            let item = pendingItem.resolve()
            let result: NoteResult = switch item.payload {
            case .bytes(let bytes): pipeline.run(bytes: bytes, id: item.id)
            case .failed(let error): NoteResult(id: item.id, outcome: .failed(error))
            }
            ResultEncoder.write(result, into: &writer)
            writer.appendRaw(0x0A)
            sessions += self.sessions(of: result, ordinal: item.ordinal)
            if result.isFailed { failed += 1 }
        }
        return Done(first: chunk[0].ordinal, count: chunk.count, lines: writer.bytes, sessions: sessions, failed: failed)
    }

    /// What the frequency check needs from a note just coded: one small session per procedure of
    /// a family some limit counts, and only for notes with a patient and a date of service.
    private func sessions(of result: NoteResult, ordinal: Int) -> [FrequencyLimits.Session] {
        guard case .coded(let coded) = result.outcome else { return [] }
        return sessions(patient: result.patientKey, date: coded.facts.encounter.serviceDate,
                        procedures: coded.facts.procedures.map { ($0.family, $0.region) }, ordinal: ordinal)
    }

    /// The counted sessions of a result line already written (a resumed run).
    private func sessions(of value: JSONValue, ordinal: Int) -> [FrequencyLimits.Session] {
        let procedures = (value["procedures"]?.arrayValue ?? []).map { procedure in
            (procedure["family"]?.stringValue.flatMap(ProcedureFamily.init(rawValue:)),
             procedure["region"]?.stringValue.flatMap(Region.init(rawValue:)))
        }
        return sessions(patient: value["encounter"]?["patientKey"]?.stringValue,
                        date: value["encounter"]?["serviceDate"]?.stringValue.flatMap(ClinicalDate.init(parsing:)),
                        procedures: procedures, ordinal: ordinal)
    }

    private func sessions(patient: String?, date: ClinicalDate?, procedures: [(ProcedureFamily?, Region?)],
                          ordinal: Int) -> [FrequencyLimits.Session] {
        guard let patient, let date else { return [] }
        var sessions: [FrequencyLimits.Session] = []
        for (index, (family, region)) in procedures.enumerated() {
            guard let family, limits.countedFamilies.contains(family) else { continue }
            sessions.append(.init(ordinal: ordinal, patientKey: patient, date: date, family: family, region: region, procedure: index))
        }
        return sessions
    }
}

/// Adds `frequency-limit-exceeded` flags to a result line.
enum FrequencyFlag {
    static func add(_ additions: [(procedure: Int, rule: FrequencyLimits.Rule, count: Int)], to value: JSONValue) -> JSONValue {
        guard case .object(var members) = value else { return value }
        var flags = members["flags"]?.arrayValue ?? []
        let procedures = members["procedures"]?.arrayValue ?? []
        let lineCodes = (members["codes"]?.arrayValue ?? []).compactMap { $0["code"]?.stringValue }.filter { !$0.hasPrefix("J") }
        for addition in additions {
            let region = addition.rule.perRegion ? (procedures[addition.procedure]["region"]?.stringValue).map { " in the \($0) region" } ?? "" : ""
            let message = "Session \(addition.count) of the \(addition.rule.pool) policy pool\(region) for this patient within "
                + "\(addition.rule.windowDays) days; the policy allows \(addition.rule.maxSessions)."
            flags.append(.object([
                "id": .string(FlagID.frequencyLimitExceeded.rawValue), "severity": .string(Severity.warning.rawValue), "message": .string(message),
                "codes": .array(lineCodes.map { .string($0) }),
                "evidence": procedures[addition.procedure]["evidence"] ?? .array([]),
            ]))
        }
        members["flags"] = .array(flags)
        return .object(members)
    }
}

/// Reads result lines back from a file, counting the bytes of complete lines (for resume).
struct ResultLines {
    private var reader: LineReader
    private(set) var consumedBytes = 0
    /// The file's size when opened (it is not written while read).
    private let total: Int

    init?(path: String) {
        guard let reader = LineReader(path: path, maxLine: Int.max) else { return nil }
        self.reader = reader
        total = fileSize(path) ?? 0
    }

    /// The next complete line (one that ends with a newline); nil at the end or at a torn last line.
    mutating func next() -> [UInt8]? {
        guard case .line(let bytes)? = reader.next() else { return nil }
        // A torn last line (no newline: the run was killed while writing it) is not complete.
        if consumedBytes + bytes.count + 1 > total { return nil }
        consumedBytes += bytes.count + 1
        return bytes
    }
}

extension Duration {
    /// The duration in seconds, as a `Double`.
    public var seconds: Double { Double(components.seconds) + Double(components.attoseconds) / 1e18 }
}
