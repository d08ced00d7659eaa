import Foundation
import NoteEvaluation
import NotePipeline
import Testing
import _NeedlepointTestSupport

@Suite("Accuracy against gold")
struct EvaluationTests {
    struct Baseline: Decodable {
        var factF1: [String: Double]
        var negation: Double
        var historical: Double
        var codeF1: Double
        var flagF1: Double
        var exactCodeShare: Double
    }

    static let baseline: Baseline = {
        let data = FileManager.default.contents(atPath: Fixtures.root + "/Corpora/baseline.json")!
        return try! JSONDecoder().decode(Baseline.self, from: data)
    }()

    static let evaluation: CorpusEvaluation = {
        try! CorpusEvaluation(goldPaths: [Fixtures.root + "/Corpora"], pipeline: Fixtures.pipeline)
    }()

    @Test("every gold file finds its note")
    func goldFindsNotes() {
        #expect(Self.evaluation.notes.count >= 60)
        #expect(Self.evaluation.notes.allSatisfy { $0.error == nil }, "\(Self.evaluation.notes.filter { $0.error != nil }.map(\.id))")
    }

    @Test("fact F1 stays at or above the floors in Corpora/baseline.json", arguments: NoteComparison.factAreas)
    func factFloors(area: String) throws {
        let score = try #require(Self.evaluation.areas[area])
        let floor = try #require(Self.baseline.factF1[area])
        #expect(score.f1 >= floor, "\(area): \(score.line) is below the floor \(floor)")
    }

    @Test("code lines and flags stay at or above their floors, and most notes get exactly the right code set")
    func codingFloors() throws {
        let codes = try #require(Self.evaluation.areas["codes"])
        let flags = try #require(Self.evaluation.areas["flags"])
        #expect(codes.f1 >= Self.baseline.codeF1, "codes \(codes.line)")
        #expect(flags.f1 >= Self.baseline.flagF1, "flags \(flags.line)")
        let exact = Self.evaluation.exactCodeShare
        #expect(exact.of >= 150)
        #expect(Double(exact.exact) / Double(exact.of) >= Self.baseline.exactCodeShare, "\(exact.exact)/\(exact.of)")
    }

    @Test("public notes with gold are coded as annotated: a dozen and more MTSamples notes")
    func publicNotes() {
        let mtsamples = Self.evaluation.notes.filter { $0.id.first?.isNumber == true }
        #expect(mtsamples.count >= 12)
        var exact = 0
        for note in mtsamples {
            let areas = NoteComparison.factAreas.filter { note.comparison.gold[$0] != nil }
            let same = areas.allSatisfy { (note.comparison.predicted[$0] ?? []).sorted() == (note.comparison.gold[$0] ?? []).sorted() }
            if same { exact += 1 }
        }
        #expect(exact >= 12, "\(exact) of \(mtsamples.count) public notes have every fact exactly as annotated")
    }

    @Test("mention-only consults yield no procedure", arguments: [
        "087-lumbar-radiculopathy-consult", "093-orthopedic-consult-3", "045-pain-management-progress-note",
    ])
    func mentionOnly(id: String) throws {
        let note = try #require(Self.evaluation.notes.first { $0.id == id })
        #expect(note.comparison.predicted["procedures"]?.isEmpty ?? true)
    }

    @Test("NegEx: negation and historical F1 meet their targets")
    func negex() throws {
        let evaluation = try NegExEvaluation(path: Fixtures.negex, pipeline: Fixtures.pipeline)
        #expect(evaluation.rows == 2376)
        #expect(evaluation.negation.f1 >= Self.baseline.negation, "negation \(evaluation.negation.line)")
        #expect(evaluation.historical.f1 >= Self.baseline.historical, "historical \(evaluation.historical.line)")
    }

    @Test("scores count multisets: a duplicate prediction is a false positive")
    func scoreMath() {
        let compared = Score.compare(predicted: ["a", "a", "b"], gold: ["a", "c"])
        #expect(compared.score.truePositives == 1)
        #expect(compared.score.falsePositives == 2)
        #expect(compared.score.falseNegatives == 1)
        #expect(compared.missed == ["c"])
        #expect(Score().line == "precision=1.000 recall=1.000 f1=1.000")
    }
}
