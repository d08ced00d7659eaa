import Foundation
import NoteEvaluation
import NotePipeline
import Testing
import _NeedlepointTestSupport

/// Codes and flags on real notes: the reference's worked examples, the seed articles' scenarios,
/// and short notes for the arithmetic.
@Suite("Coder")
struct CodingTests {
    static func gold(_ set: String) -> [String] {
        Fixtures.files(in: Fixtures.root + "/Corpora/" + set, withExtension: "json").filter { $0.hasSuffix(".gold.json") }
    }

    static func compare(_ goldPath: String) throws -> NoteComparison {
        let gold = try GoldAnnotation.load(goldPath)
        let note = String(goldPath.dropLast(".gold.json".count)) + ".txt"
        let data = try Data(contentsOf: URL(fileURLWithPath: note))
        return NoteComparison(result: ResultEncoder.json(Fixtures.pipeline.run(bytes: Array(data), id: "n")), gold: gold)
    }

    @Test("every worked example of the rule reference (W01–W29) is coded and flagged as the reference says",
          arguments: gold("reference-examples"))
    func workedExamples(path: String) throws {
        let comparison = try Self.compare(path)
        #expect((comparison.predicted["codes"] ?? []).sorted() == (comparison.gold["codes"] ?? []).sorted())
        #expect((comparison.predicted["flags"] ?? []).sorted() == (comparison.gold["flags"] ?? []).sorted())
    }

    @Test("the seed articles' own scenarios are coded as the reference corrects them",
          arguments: gold("coverage").filter { $0.contains("cov-seed-") })
    func seedScenarios(path: String) throws {
        let comparison = try Self.compare(path)
        #expect((comparison.predicted["codes"] ?? []).sorted() == (comparison.gold["codes"] ?? []).sorted())
    }

    func codes(_ text: String) -> [String] {
        (Fixtures.result(text)["codes"]?.arrayValue ?? []).map { line in
            let modifiers = (line["modifiers"]?.arrayValue ?? []).compactMap(\.stringValue)
            return "\(line["code"]?.stringValue ?? "?")\(modifiers.map { "-" + $0 }.joined()) x\(Int(line["units"]?.numberValue ?? 0))"
        }
    }

    func flags(_ text: String) -> [String] {
        (Fixtures.result(text)["flags"]?.arrayValue ?? []).compactMap { $0["id"]?.stringValue }
    }

    @Test("drug units: divide and round up; methylprednisolone fills 80, 40, 20", arguments: [
        ("Depo-Medrol 20 mg", ["J1020 x1"]), ("Depo-Medrol 40 mg", ["J1030 x1"]), ("Depo-Medrol 60 mg", ["J1030 x1", "J1020 x1"]),
        ("Depo-Medrol 80 mg", ["J1040 x1"]), ("Depo-Medrol 120 mg", ["J1040 x1", "J1030 x1"]), ("Depo-Medrol 160 mg", ["J1040 x2"]),
        ("Kenalog 15 mg", ["J3301 x2"]), ("dexamethasone 6.6 mg", ["J1100 x7"]), ("Celestone 12 mg", ["J0702 x2"]),
    ])
    func drugUnits(dose: String, expected: [String]) {
        let text = "PROCEDURE: Right L5-S1 transforaminal epidural steroid injection under fluoroscopy. \(dose) was injected."
        #expect(codes(text).filter { $0.hasPrefix("J") } == expected)
    }

    @Test("botulinum toxin: JW for the discarded amount, JZ for none, neither when not stated")
    func toxinModifiers() {
        let base = "Chronic migraine (G43.709). OnabotulinumtoxinA injection per PREEMPT protocol, 31 sites. "
        #expect(codes(base + "Botox 200 units reconstituted; 155 units injected, 45 units discarded.")
                == ["64615 x1", "J0585 x155", "J0585-JW x45"])
        #expect(codes(base + "Botox 155 units injected. No wastage.") == ["64615 x1", "J0585-JZ x155"])
        #expect(codes(base + "Botox 155 units injected.") == ["64615 x1", "J0585 x155"])
        #expect(flags(base + "Botox 155 units injected.").contains("missing-botox-wastage"))
        #expect(codes("Cervical dystonia. Dysport 500 units injected into the left SCM and right splenius capitis under EMG guidance; no waste.")
                == ["64616-50 x1", "95874 x1", "J0586-JZ x100"])
    }

    @Test("per-side levels: 50 where both sides were done, RT/LT for the rest", arguments: [
        ("Bilateral L4-5 and L5-S1 transforaminal epidural steroid injections under fluoroscopy.", ["64483-50 x1", "64484-50 x1"]),
        ("Transforaminal epidural steroid injections under fluoroscopy: left L4-5 and L5-S1, right L5-S1.", ["64483-50 x1", "64484-LT x1"]),
        ("Left L3-4, L4-5 and L5-S1 transforaminal epidural steroid injections under fluoroscopy.", ["64483-LT x1", "64484-LT x2"]),
        ("Bilateral L3 to S1 facet joint injections under fluoroscopy.", ["64493-50 x1", "64494-50 x1", "64495-50 x1"]),
        ("Right L3, L4, L5-S1 facet radiofrequency ablation under fluoroscopy, right L2, L3, L4 medial branches and L5 dorsal ramus.",
         ["64635-RT x1", "64636-RT x2"]),
        ("Right T6, T7 and T8 intercostal nerve blocks.", ["64420-RT x1", "64421-RT x2"]),
        ("L5-S1 interlaminar epidural steroid injection under fluoroscopy, bilateral leg pain.", ["62323 x1"]),
        ("Caudal epidural steroid injection via the sacral hiatus, landmark technique, no fluoroscopy.", ["62322 x1"]),
    ])
    func sides(text: String, expected: [String]) {
        #expect(codes(text) == expected)
    }

    @Test("family other gets no code lines, drugs included; a consult gets nothing")
    func noCodes() {
        #expect(codes("PROCEDURE: Right knee joint steroid injection. Kenalog 40 mg injected.").isEmpty)
        #expect(codes("ASSESSMENT: lumbar radiculopathy.\nPLAN: recommend L4-5 transforaminal epidural steroid injection.").isEmpty)
        #expect(flags("PLAN: recommend L4-5 transforaminal epidural steroid injection.").isEmpty)
    }

    @Test("trigger points: XS at another site, no line at the same site")
    func triggerPoints() {
        let lumbar = "Right L5-S1 transforaminal epidural steroid injection under fluoroscopy. "
        #expect(codes(lumbar + "Trigger point injections: left upper trapezius and left levator scapulae.")
                == ["64483-RT x1", "20552-XS x1"])
        #expect(codes(lumbar + "Trigger point injections: right lumbar paraspinals and right quadratus lumborum.") == ["64483-RT x1"])
    }

    @Test("acupuncture by 15-minute units of face-to-face time", arguments: [
        ("Acupuncture with electrical stimulation, 30 minutes of face-to-face time.", ["97813 x1", "97814 x1"]),
        ("Manual acupuncture, 45 minutes of one-on-one time.", ["97810 x1", "97811 x2"]),
        ("Manual acupuncture, face-to-face time 6 minutes.", []),
        ("Manual acupuncture, 12 needles.", ["97810 x1"]),
    ])
    func acupuncture(text: String, expected: [String]) {
        #expect(codes(text) == expected)
    }

    @Test("--no-drug-codes leaves supply codes out")
    func noDrugCodes() throws {
        let pipeline = try NeedlepointPipeline(options: .init(includeDrugCodes: false))
        let result = ResultEncoder.json(pipeline.run(bytes: Array("Right L5-S1 TFESI under fluoroscopy. Kenalog 40 mg.".utf8), id: "x"))
        #expect(result["codes"]?.arrayValue?.compactMap { $0["code"]?.stringValue } == ["64483"])
    }
}
