// Micro-benchmarks per pipeline stage (package-benchmark), over every note in Corpora/: throughput
// and allocations, so a regression shows up in the stage that caused it. Run from the package root:
//   NEEDLEPOINT_BENCHMARKS=1 swift package benchmark --target StageBenchmarks
import Benchmark
import ClinicalText
import Foundation
import LexiconKit
import NoteFacts
import NotePipeline
import NoteTagging
import ProcedureCoding

/// The corpus notes, decoded once, and every stage's input prepared from them.
struct Stages: @unchecked Sendable {
    let pipeline: NeedlepointPipeline
    let notes: [Note]
    let analyzed: [AnalyzedNote]
    let mentions: [[Mention]]
    let facts: [NoteFacts]
    let results: [NoteResult]

    init() {
        let pipeline = try! NeedlepointPipeline()
        self.pipeline = pipeline
        var notes: [Note] = []
        for item in BatchInputs(paths: [FileManager.default.currentDirectoryPath + "/Corpora"]) {
            if case .bytes(let bytes) = item.payload, let note = try? pipeline.note(from: bytes, id: item.id) { notes.append(note) }
        }
        precondition(!notes.isEmpty, "run from the package root: no notes in ./Corpora")
        self.notes = notes
        let analyzed = notes.map { pipeline.tagger.analyze($0.text) }
        let mentions = analyzed.map { pipeline.tagger.mentions(in: $0) }
        self.analyzed = analyzed
        self.mentions = mentions
        facts = zip(mentions, analyzed).map { pipeline.factBuilder.facts(from: $0, in: $1) }
        results = notes.map { pipeline.run($0) }
    }
}

let benchmarks: @Sendable () -> Void = {
    let stages = Stages()
    let count = stages.notes.count
    Benchmark.defaultConfiguration = .init(
        metrics: [.wallClock, .throughput, .mallocCountTotal, .peakMemoryResident],
        warmupIterations: 1, maxDuration: .seconds(3), maxIterations: 50)

    Benchmark("1 tokenize+sections+sentences (\(count) notes)") { benchmark in
        for note in stages.notes { blackHole(stages.pipeline.tagger.analyze(note.text)) }
    }
    Benchmark("2 taggers+ConText (\(count) notes)") { benchmark in
        for note in stages.analyzed { blackHole(stages.pipeline.tagger.mentions(in: note)) }
    }
    Benchmark("3 facts (\(count) notes)") { benchmark in
        for (mentions, note) in zip(stages.mentions, stages.analyzed) { blackHole(stages.pipeline.factBuilder.facts(from: mentions, in: note)) }
    }
    Benchmark("4 coder (\(count) notes)") { benchmark in
        for facts in stages.facts { blackHole(stages.pipeline.coder.code(facts, options: stages.pipeline.options)) }
    }
    Benchmark("5 contract JSON (\(count) notes)") { benchmark in
        for result in stages.results { blackHole(ResultEncoder.bytes(result)) }
    }
    Benchmark("6 whole pipeline + JSON (\(count) notes)") { benchmark in
        for note in stages.notes { blackHole(ResultEncoder.bytes(stages.pipeline.run(note))) }
    }
    // The tables a process builds once (pipelines share them, so building a pipeline again would
    // measure nothing): the taggers' lexicons and the coding rules, from the embedded copy.
    Benchmark("7 lexicon tables (start-up)") { benchmark in
        blackHole(try! TaggingLexicons(source: .embedded))
        blackHole(try! CodingRules(source: .embedded))
    }
}
