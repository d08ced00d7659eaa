import ClinicalText
import NotePipeline
@testable import NoteTagging
import Testing
import _NeedlepointTestSupport

@Suite("Level, pain and dose grammars")
struct GrammarTests {
    @Test("vertebrae and interspaces are named as the contract writes them, C1 to S5")
    func levelNames() {
        let regions: [(Vertebra.Region, ClosedRange<Int>)] = [(.c, 1...8), (.t, 1...12), (.l, 1...5), (.s, 1...5)]
        for (region, numbers) in regions {
            for number in numbers {
                let vertebra = Vertebra(region: region, number: number)!
                #expect(vertebra.description == "\(region.rawValue)\(number)")
                #expect(SpinalSegment.single(vertebra).description == vertebra.description)
                if let below = vertebra.below {
                    #expect(SpinalSegment.interspace(upper: vertebra).description == "\(vertebra)-\(below)")
                }
            }
        }
        #expect(SpinalSegment.interspace(upper: Vertebra(region: .c, number: 7)!).description == "C7-T1")
        #expect(SpinalSegment.interspace(upper: Vertebra(region: .l, number: 5)!).description == "L5-S1")
        #expect(SpinalSegment.sacralHiatus.description == "sacral-hiatus")
    }

    let tagger = Fixtures.pipeline.tagger

    func mentions(_ text: String) -> [Mention] { tagger.mentions(in: tagger.analyze(NoteText(text))) }

    @Test("level tokens parse into vertebrae and spans", arguments: [
        ("l4-5", "span(L4, L5)"), ("l4-l5", "span(L4, L5)"), ("l5-s1", "span(L5, S1)"), ("c7-t1", "span(C7, T1)"),
        ("l4/5", "span(L4, L5)"), ("l45", "span(L4, L5)"), ("l5s1", "span(L5, S1)"), ("t12-l1", "span(T12, L1)"),
        ("l3-s1", "span(L3, S1)"), ("c5-6", "span(C5, C6)"), ("s1", "vertebra(S1)"), ("t12", "vertebra(T12)"),
        ("c8", "vertebra(C8)"),
        // Three or more parts: the region carries over, the vertebrae must climb.
        ("l3-l4-l5", "span(L3, L5)"), ("l3-4-5", "span(L3, L5)"), ("c5-6-7", "span(C5, C7)"), ("t12-l1-l2", "span(T12, L2)"),
        ("l45-s1", "span(L4, S1)"),
    ])
    func parsesLevelTokens(key: String, expected: String) throws {
        let item = try #require(SpinalLevelGrammar.parse(key))
        #expect("\(item)" == expected)
    }

    @Test("words that are not levels stay words",
          arguments: ["s/p", "ct", "l-spine", "t-spine", "l6-7", "c9", "lt", "l4\u{301}", "l4-5\u{2082}", "l99999999999999999999999", "l4--5", "l4-",
                     "l5-l4", "l4-4", "l45-6", "l4-56", "5-6", "l4-5-4"])
    func rejectsNonLevels(key: String) {
        #expect(SpinalLevelGrammar.parse(key) == nil)
    }

    @Test("a level list takes its reading and its side from the words next to it")
    func readingsAndSides() {
        let levels = mentions("left L5 and S1 nerve roots; right L3, L4 medial branches and L5 dorsal ramus").compactMap {
            if case .level(let level) = $0.kind { return level } else { return nil }
        }
        #expect(levels.map(\.reading) == [.root, .medialBranch, .dorsalRamus])
        #expect(levels.map(\.side) == [.left, .right, nil])
    }

    @Test("pain scores and their timing", arguments: [
        ("VAS 7/10 before and 2/10 after", [7.0, 2.0], ["pre", "post"]),
        ("pain 8 -> 3", [8, 3], ["pre", "post"]),
        ("Pre-procedure pain score: 6", [6], ["pre"]),
        ("She reported 0/10 pain at discharge", [0], ["post"]),
        ("NRS 5 out of 10 post-injection", [5], ["post"]),
        ("80% relief for 3 months", [], []),
        ("VAS 7.5/10 before, 0.5/10 after", [7.5, 0.5], ["pre", "post"]),
        ("VAS 12/10 before the block", [], []),
    ])
    func painScores(text: String, values: [Double], timings: [String]) {
        let scores = mentions(text).compactMap { if case .painScore(let score) = $0.kind { return score } else { return nil } }
        #expect(scores.map(\.value) == values)
        #expect(scores.map { $0.timing?.rawValue ?? "-" } == timings)
    }

    @Test("doses from mass, concentration × volume, or a product's only strength", arguments: [
        ("Dexamethasone 10 mg/mL, 1 mL was injected", "dexamethasone", 10.0),
        ("Kenalog 40 mg with 2 mL lidocaine", "triamcinolone", 40),
        ("80 mg of Depo-Medrol", "methylprednisolone", 80),
        ("2 mL of Kenalog 40 mg/mL", "triamcinolone", 80),
        ("Celestone Soluspan 1 mL", "betamethasone", 6),
    ])
    func doses(text: String, drug: String, dose: Double) throws {
        let found = try #require(mentions(text).compactMap { mention -> DrugMention? in
            if case .drug(let value) = mention.kind, value.name.generic.string == drug { return value }
            return nil
        }.first)
        #expect(found.dose?.value == dose)
    }

    @Test("home medications are marked oral")
    func homeMedications() throws {
        let drug = try #require(mentions("prednisone 5 mg po daily").compactMap { mention -> DrugMention? in
            if case .drug(let value) = mention.kind { return value } else { return nil }
        }.first)
        #expect(drug.isOral)
    }
}
