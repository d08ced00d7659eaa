// Runs the whole pipeline (decode, tag, build facts, code, encode the contract JSON) over a JSON
// Lines file of notes on one thread, synchronously, and prints notes/s: the program to run under
// `valgrind --tool=callgrind` (the async `needlepoint` binary and valgrind do not get along).
// Usage: profile-notes NOTES.jsonl [REPEAT]
import Foundation
import NotePipeline
import NoteFacts
import ProcedureCoding

let arguments = CommandLine.arguments
guard arguments.count >= 2 else {
    FileHandle.standardError.write(Data("usage: profile-notes NOTES.jsonl [REPEAT]\n".utf8))
    exit(64)
}
let repeatCount = arguments.count >= 3 ? Int(arguments[2]) ?? 1 : 1
let pipeline = try NeedlepointPipeline()
var notes: [(String, [UInt8])] = []
let readStart = Date()
for item in BatchInputs(paths: [arguments[1]]) {
    if case .bytes(let bytes) = item.payload { notes.append((item.id, bytes)) }
}
print(String(format: "  reading the input: %.1f µs/note", Date().timeIntervalSince(readStart) / Double(max(1, notes.count)) * 1e6))
let bytes = notes.reduce(0) { $0 + $1.1.count }
let start = Date()
var written = 0
for pass in 0..<repeatCount {
    let passStart = Date()
    for (id, text) in notes {
        written += ResultEncoder.bytes(pipeline.run(bytes: text, id: id)).count
    }
    if repeatCount > 1 {
        print(String(format: "  pass %d: %.0f notes/s", pass + 1, Double(notes.count) / Date().timeIntervalSince(passStart)))
    }
}
let seconds = Date().timeIntervalSince(start)
let count = notes.count * repeatCount

// Stage by stage, on the same notes: where the time goes.
var stageSeconds = [Double](repeating: 0, count: 5)
for (id, bytes) in notes {
    var clock = Date()
    func lap(_ stage: Int) { let now = Date(); stageSeconds[stage] += now.timeIntervalSince(clock); clock = now }
    guard let note = try? pipeline.note(from: bytes, id: id) else { continue }
    let analyzed = pipeline.tagger.analyze(note.text); lap(0)
    let mentions = pipeline.tagger.mentions(in: analyzed); lap(1)
    let facts = pipeline.factBuilder.facts(from: mentions, in: analyzed); lap(2)
    let report = pipeline.coder.code(facts, options: pipeline.options); lap(3)
    let result = NoteResult(id: id, outcome: .coded(NoteResult.Coded(note, facts, report)), patientKey: nil)
    // `write`, not `bytes`: a profile collecting inside `ResultEncoder.bytes` sees only the timed loop above.
    var writer = JSONWriter(capacity: 8192)
    ResultEncoder.write(result, into: &writer); lap(4)
}
let total = stageSeconds.reduce(0, +)
for (name, value) in zip(["analyze (tokens, sections, sentences)", "tag (mentions, ConText)", "facts", "code", "encode JSON"], stageSeconds) {
    print(String(format: "  %-40@ %6.1f µs/note %5.1f%%", name as NSString, value / Double(notes.count) * 1e6, value / total * 100))
}
print(String(format: "%d notes, %.2f MB in %.3f s: %.0f notes/s, %.2f MB/s; %d bytes of JSON", count,
             Double(bytes * repeatCount) / 1e6, seconds, Double(count) / seconds, Double(bytes * repeatCount) / 1e6 / seconds, written))
