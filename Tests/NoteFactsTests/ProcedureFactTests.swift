import NotePipeline
import Testing
import _NeedlepointTestSupport

/// Facts as the contract states them, from short notes in the ways practices write.
@Suite("Procedure facts")
struct ProcedureFactTests {
    func procedures(_ text: String) -> [JSONValue] { Fixtures.result(text)["procedures"]?.arrayValue ?? [] }

    func levels(_ text: String) -> [String] {
        (procedures(text).first?["levels"]?.arrayValue ?? []).compactMap(\.stringValue)
    }

    @Test("levels in contract form, read for the family", arguments: [
        ("Right L4-L5, L5-S1 transforaminal ESI under fluoroscopy.", ["L4-L5", "L5-S1"]),
        ("Left L4-5 and L5-S1 TFESI.", ["L4-L5", "L5-S1"]),
        ("Transforaminal injection at the left L5 and S1 nerve roots.", ["L5-S1", "S1"]),
        ("Right C6 selective nerve root block.", ["C5-C6"]),
        ("Left C8 transforaminal epidural injection.", ["C7-T1"]),
        ("Bilateral L3 to S1 facet joint injections.", ["L3-L4", "L4-L5", "L5-S1"]),
        ("Right L4-S1 transforaminal epidural steroid injection.", ["L4-L5", "L5-S1"]),
        ("Medial branch blocks of the right L3, L4 medial branches and L5 dorsal ramus.", ["L4-L5", "L5-S1"]),
        ("Cervical medial branch blocks at the left C3 and C4 medial branches.", ["C3-C4"]),
        ("Right L4 medial branch block under fluoroscopy.", ["L4-L5"]),
        ("Lumbar interlaminar epidural steroid injection at L5/S1.", ["L5-S1"]),
        ("Caudal epidural steroid injection; catheter advanced to L5-S1.", ["sacral-hiatus"]),
        ("Left T8 and T9 intercostal nerve blocks.", ["T8", "T9"]),
        ("Intercostal block from fourth to sixth intercostal spaces, left.", ["T4", "T5", "T6"]),
        ("Facet injections at L34, L45, L5S1 bilaterally.", ["L3-L4", "L4-L5", "L5-S1"]),
        ("Right L4–L5 TFESI (en dash).", ["L4-L5"]),
    ])
    func levelsByFamily(text: String, expected: [String]) {
        #expect(levels(text) == expected)
    }

    @Test("sides, including different levels per side")
    func sides() {
        let text = "TFESI performed: left L4-5 and L5-S1, right L5-S1, under fluoroscopy."
        let procedure = procedures(text).first
        #expect(procedure?["laterality"]?.stringValue == "bilateral")
        #expect(levels(text) == ["L4-L5", "L5-S1"])
        #expect(procedures("Right SI joint injection under fluoroscopy.").first?["laterality"]?.stringValue == "right")
        #expect(procedures("Right-handed woman. Interlaminar ESI at L5-S1.").first?["laterality"] == .null)
    }

    @Test("guidance: named, explicitly none, or not documented", arguments: [
        ("L5-S1 interlaminar ESI under fluoroscopic guidance.", "fluoroscopy"),
        ("Right L5-S1 TFESI under CT guidance.", "ct"),
        ("Right L5 TFESI with ultrasound guidance.", "ultrasound"),
        ("L4-5 interlaminar ESI, landmark technique; no fluoroscopy was used.", "none"),
        ("L4-5 interlaminar epidural steroid injection.", nil),
    ])
    func guidance(text: String, expected: String?) {
        #expect(procedures(text).first?["guidance"]?.stringValue == expected)
    }

    @Test("history, plans, MRI levels and mention-only notes give no procedure or level", arguments: [
        "HISTORY: prior L4-5 TFESI in 2023.\nPLAN: consider RFA at L4-5 and L5-S1.",
        "ASSESSMENT: lumbar facet arthropathy.\nPLAN: We recommend bilateral L4-5 medial branch blocks.",
        "She is s/p L5-S1 laminectomy and had a caudal ESI last year.",
    ])
    func noProcedure(text: String) {
        #expect(procedures(text).isEmpty)
    }

    @Test("MRI findings do not add levels")
    func imagingLevels() {
        let text = "MRI: disc bulge at L3-4 and L4-5 stenosis.\nPROCEDURE: Right L5-S1 transforaminal epidural steroid injection."
        #expect(levels(text) == ["L5-S1"])
    }

    @Test("every procedure carries evidence that is the text it cites")
    func evidence() throws {
        let text = "Überweisung — PROCEDURE: Left L4–L5 TFESI under fluoroscopy, Omnipaque 240."
        let procedure = try #require(procedures(text).first)
        let evidence = try #require(procedure["evidence"]?.arrayValue)
        #expect(!evidence.isEmpty)
        let scalars = Array(text.unicodeScalars)
        for item in evidence {
            let start = Int(item["start"]?.numberValue ?? -1), end = Int(item["end"]?.numberValue ?? -1)
            #expect(String(String.UnicodeScalarView(scalars[start..<end])) == item["text"]?.stringValue)
        }
    }
}
