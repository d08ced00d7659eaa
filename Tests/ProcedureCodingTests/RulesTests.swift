import ClinicalText
import Foundation
import LexiconKit
import NoteFacts
import NotePipeline
import NoteTagging
@testable import ProcedureCoding
import Testing
import _NeedlepointTestSupport

@Suite("Coding rules as data")
struct RulesTests {
    static let rules = try! CodingRules(source: .directory(Fixtures.root + "/Lexicons"))

    /// Rows of a TSV file in ../shared (tab-separated, header first).
    static func sharedRows(_ path: String) throws -> [[String]] {
        let text = try String(contentsOfFile: Fixtures.shared + "/" + path, encoding: .utf8)
        return text.split(separator: "\n").dropFirst().map { $0.split(separator: "\t", omittingEmptySubsequences: false).map(String.init) }
    }

    @Test("the enums the rules look up by case number their cases in declaration order (CaseMap, CaseSet)")
    func caseOrdinals() {
        func places<E: CaseHashable & CaseIterable>(_: E.Type) -> Bool {
            E.allCases.enumerated().allSatisfy { $0.element.caseOrdinal == $0.offset } && MemoryLayout<E>.size <= 1
        }
        #expect(places(ProcedureFamily.self))
        #expect(places(FlagID.self))
        #expect(places(DiagnosisCategory.self))
    }

    @Test("the coding tables load from Lexicons/ and match the embedded copy")
    func tablesLoad() throws {
        let embedded = try CodingRules()
        #expect(embedded.knownCodes == Self.rules.knownCodes)
        #expect(Self.rules.codes.count > 80)
        #expect(Self.rules.drugSupply.count == 10)
    }

    @Test("flag ids and severities are the contract's, and every one but the batch check has exactly one check")
    func flagsMatchContract() throws {
        let contract = try Self.sharedRows("contract/flags.tsv")
        #expect(FlagID.allCases.map(\.rawValue) == contract.map { $0[0] })
        // Flags are reported in the contract's order: `<` is the order of the cases.
        #expect(FlagID.allCases.reversed().sorted() == FlagID.allCases)
        #expect(zip(FlagID.allCases, FlagID.allCases.dropFirst()).allSatisfy { $0 < $1 && !($1 < $0) })
        for row in contract where row[0] != "frequency-limit-exceeded" {
            let id = try #require(FlagID(rawValue: row[0]))
            #expect(Self.rules.rule(id)?.severity.rawValue == row[1], "\(row[0])")
        }
        let checked = DocumentationChecks.all.map(\.id)
        #expect(Set(checked).count == checked.count, "a flag with two checks")
        #expect(Set(checked) == Set(FlagID.allCases).subtracting([.frequencyLimitExceeded]))
    }

    @Test("add-ons name a primary of the same family, and no deleted code is in the table")
    func addOns() {
        let byCode = Dictionary(grouping: Self.rules.codes, by: \.code)
        for row in Self.rules.codes {
            guard let parent = row.addOnTo else { continue }
            #expect(byCode[parent]?.contains { !$0.families.isDisjoint(with: row.families) } == true, "\(row.code)")
        }
        let deleted = ["62310", "62311", "62318", "62319", "64470", "64472", "64475", "64476", "64622", "64623", "64626",
                       "64627", "64402", "64410", "64413", "64613", "64614"]
        #expect(Self.rules.knownCodes.isDisjoint(with: deleted))
    }

    /// The reference's code tables (section 2) and ours agree on every code they share: an add-on
    /// ("+64484") is an add-on here, and a code the reference reports with 50/RT/LT (indicator 1)
    /// takes side modifiers here, while indicator 0 or 2 codes do not.
    @Test("the code table and the rule reference agree on every code they share")
    func agreesWithReference() throws {
        let text = try String(contentsOfFile: Fixtures.shared + "/reference/pain-coding-rules.md", encoding: .utf8)
        guard let start = text.range(of: "## 2. Code tables per family"), let end = text.range(of: "## 3. Level counting rules") else {
            Issue.record("the reference's section 2 is not where it was")
            return
        }
        var shared = 0
        for line in text[start.upperBound..<end.lowerBound].split(separator: "\n") where line.hasPrefix("| ") {
            let cells = line.split(separator: "|", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
            guard cells.count > 3 else { continue }
            let first = cells[1]
            let codes = first.split(separator: "/").map(String.init)
            for raw in codes {
                let isAddOn = raw.hasPrefix("+")
                let code = String(raw.drop { $0 == "+" })
                guard code.count == 5, let hcpcs = HCPCSCode(code) else { continue }
                let rows = Self.rules.codes.filter { $0.code == hcpcs }
                guard !rows.isEmpty else { continue }
                shared += 1
                #expect(rows.allSatisfy { ($0.addOnTo != nil) == isAddOn }, "\(code): add-on in one table only")
                let bilateralCell = cells.first { $0.contains("→") && ($0.contains("50") || $0.contains("none") || $0.contains("no 50")) } ?? ""
                if bilateralCell.hasPrefix("1 →") || bilateralCell.hasPrefix("(U) 1") {
                    #expect(rows.contains { $0.bilateral.takesSideModifiers }, "\(code): the reference gives 50/RT/LT")
                } else if bilateralCell.hasPrefix("0") || bilateralCell.hasPrefix("2") {
                    #expect(rows.allSatisfy { !$0.bilateral.takesSideModifiers }, "\(code): the reference gives no side modifier")
                }
            }
        }
        #expect(shared >= 40, "only \(shared) codes matched; the reference's tables may have moved")
        // Drug supply: unit doses as in section 4.
        let unitDoses: [String: Double] = ["J3301": 10, "J1040": 80, "J1030": 40, "J1020": 20, "J1100": 1, "J0702": 6,
                                           "J0585": 1, "J0586": 5, "J0587": 100, "J0588": 1]
        for row in Self.rules.drugSupply { #expect(unitDoses[row.code.rawValue] == row.unitDose, "\(row.code)") }
    }

    @Test("a code line cannot exist without evidence or with zero units")
    func linesNeedEvidence() {
        let code = HCPCSCode("64483")!
        #expect(CodeLine(code: code, modifiers: [], units: 1, evidence: [], why: "x", rank: .procedure) == nil)
        #expect(CodeLine(code: code, modifiers: [], units: 0, evidence: [.init(0, 1)], why: "x", rank: .procedure) == nil)
        #expect(HCPCSCode("6448") == nil)
        #expect(HCPCSCode("64483 ") == nil)
    }

    @Test("a code line's sentence starts with a capital, as Unicode's upper-casing of the first character makes it",
          arguments: ["", "a", "abc", "Abc", "1st level", "épidural", "a\u{0345}x", "\r\nx", "ßa", "z", "\u{1F600} face"])
    func capitalizedFirst(text: String) {
        #expect(text.capitalizedFirst == text.prefix(1).uppercased() + text.dropFirst())
    }
}
