import NoteFacts
import NotePipeline
import Testing
import _NeedlepointTestSupport

@Suite("Contrast, pain, drug and documentation facts")
struct OtherFactTests {
    @Test("contrast documented, withheld, or not used; distinct final views counted")
    func contrast() {
        let used = Fixtures.result("Omnipaque 240 confirmed spread. AP and lateral views confirmed the final needle position.")
        #expect(used["contrast"]?["documented"]?.boolValue == true)
        #expect(used["contrast"]?["agent"]?.stringValue == "iohexol")
        #expect(used["contrast"]?["needleViews"]?.numberValue == 2)
        let withheld = Fixtures.result("Contrast was not used because of her anaphylactic reaction to iodinated contrast.")
        #expect(withheld["contrast"]?["documented"]?.boolValue == false)
        #expect(withheld["contrast"]?["withheld"]?.boolValue == true)
        let none = Fixtures.result("No contrast was used. The needle was placed in the oblique view; final position confirmed on AP view.")
        #expect(none["contrast"]?["documented"]?.boolValue == false)
        #expect(none["contrast"]?["needleViews"]?.numberValue == 1)
    }

    @Test("pain before and after; a percentage is not a score")
    func pain() {
        let result = Fixtures.result("Pre-procedure pain score: 7/10.\nRight L5-S1 TFESI.\nPOST-PROCEDURE: VAS 2/10 at discharge. 80% relief.")
        #expect(result["pain"]?["pre"]?.numberValue == 7)
        #expect(result["pain"]?["post"]?.numberValue == 2)
        let none = Fixtures.result("Reports 50% relief from the last injection.")
        #expect(none["pain"]?["pre"] == .null)
        #expect(none["pain"]?["post"] == .null)
    }

    func drugs(_ text: String) -> [String] {
        (Fixtures.result(text)["drugs"]?.arrayValue ?? []).map { drug in
            let dose = drug["dose"]?.numberValue.map(JSONValue.format) ?? "null"
            return "\(drug["name"]?.stringValue ?? "?") \(dose) \(drug["unit"]?.stringValue ?? "null")"
        }
    }

    @Test("injected steroids and toxins with the session's total dose", arguments: [
        ("PROCEDURE: L5-S1 TFESI. Dexamethasone 10 mg/mL, 1 mL, was injected.", ["dexamethasone 10 mg"]),
        ("MEDICATIONS: Kenalog 40 mg\nDESCRIPTION: Kenalog 40 mg with 2 mL lidocaine was injected at L5-S1.", ["triamcinolone 40 mg"]),
        ("1. Kenalog 40 mg at L3-4\n2. Kenalog 40 mg at L5-S1", ["triamcinolone 80 mg"]),
        ("Bilateral GON block.\n- each side: 2 mL bupivacaine + Kenalog 20 mg", ["triamcinolone 40 mg"]),
        ("Botox 200 units reconstituted with 4 mL saline. 155 units injected, 45 units discarded.", ["onabotulinumtoxina 155 units"]),
        ("SI joint injection with triamcinolone and bupivacaine.", ["triamcinolone null null"]),
        ("Home medications: prednisone 10 mg po daily, gabapentin 300 mg tid.", []),
        ("Lidocaine 1% 3 mL and bupivacaine 0.25% 2 mL.", []),
    ])
    func drugDoses(text: String, expected: [String]) {
        #expect(drugs(text) == expected)
    }

    @Test("botulinum toxin wastage")
    func wastage() {
        let wasted = Fixtures.result("Botox 200 units reconstituted. 155 units injected, 45 units discarded.")
        #expect(wasted["drugs"]?.arrayValue?.first?["discarded"]?.numberValue == 45)
        let none = Fixtures.result("Xeomin 100 units injected. No wastage.")
        #expect(none["drugs"]?.arrayValue?.first?["discarded"]?.numberValue == 0)
        let silent = Fixtures.result("Dysport 500 units injected into the left SCM.")
        #expect(silent["drugs"]?.arrayValue?.first?["discarded"] == .null)
    }

    @Test("diagnoses: written codes paired with their phrase, and phrases with their category")
    func diagnoses() throws {
        let result = Fixtures.result("DIAGNOSIS: Lumbar radiculopathy (M54.16); spondylosis without myelopathy.")
        let diagnoses = try #require(result["diagnoses"]?.arrayValue)
        #expect(diagnoses.first?["code"]?.stringValue == "M54.16")
        #expect(diagnoses.first?["text"]?.stringValue == "lumbar radiculopathy")
        #expect(diagnoses.contains { $0["category"]?.stringValue == "spondylosis" })
        let negated = Fixtures.result("No radiculopathy. Denies sciatica.")
        #expect(negated["diagnoses"]?.arrayValue?.isEmpty == true)
    }

    @Test("documentation elements: identity, signature, conservative care, time")
    func documentation() {
        let result = Fixtures.result("""
        Patient: Jane Roe   MRN: 123456   DOB: 01/02/1960
        She failed 8 weeks of physical therapy and NSAIDs.
        Consent signed by the patient.
        Total face-to-face time: 30 minutes.
        Electronically signed by John Smith, MD
        """)
        let documentation = result["documentation"]
        #expect(documentation?["patientIdentification"]?.arrayValue?.count == 3)
        #expect(documentation?["signature"]?.arrayValue?.count == 1)
        #expect(documentation?["conservativeCare"]?["failed"]?.boolValue == true)
        #expect(documentation?["conservativeCare"]?["weeks"]?.numberValue == 8)
        #expect(documentation?["minutes"]?.numberValue == 30)
        let unsigned = Fixtures.result("Consent was signed by the patient. Patient tolerated the procedure well.")
        #expect(unsigned["documentation"]?["signature"]?.arrayValue?.isEmpty == true)
        #expect(unsigned["documentation"]?["patientIdentification"]?.arrayValue?.isEmpty == true)
    }

    @Test("encounter: the service date in the forms notes write, and the signer's name without date or signing words",
          arguments: [
              ("Date of Service: 04/23/2025", "2025-04-23"), ("DOS: 2025-04-23", "2025-04-23"), ("DOS: 4.23.25", "2025-04-23"),
              ("Date of Service: April 23, 2025", "2025-04-23"), ("DOS: 23 Apr 2025", "2025-04-23"), ("DOS: 1/5/2026", "2026-01-05"),
              ("DOS: \u{FF10}\u{FF14}/\u{FF12}\u{FF13}/2025", nil), ("DOS: 13/45/2025", nil),
          ] as [(String, String?)])
    func serviceDate(line: String, date: String?) {
        let result = Fixtures.result("\(line)\nRight L5-S1 TFESI under fluoroscopy.")
        #expect(result["encounter"]?["serviceDate"]?.stringValue == date, "\(line)")
    }

    @Test("dates: numeric with the year first or last, month names before or after the day, the first date in the text",
          arguments: [
              ("04/23/2025", "2025-04-23"),
              ("2025-04-23", "2025-04-23"),
              ("4.23.25", "2025-04-23"),
              ("April 23, 2025", "2025-04-23"),
              ("23 Apr 2025", "2025-04-23"),
              ("JANUARY 5 2026", "2026-01-05"),
              ("Jan. 5, 2026", "2026-01-05"),
              ("on 02/18/2026 at 10:30", "2026-02-18"),
              ("13/45/2025", nil),
              ("04//23/2025", "2025-04-23"),
              ("99999999999999999999/1/2025", nil),
              ("DOB: 1/5/1950", "1950-01-05"),
              ("", nil),
              ("Jan", nil),
              ("5 Jan", nil),
              ("Jan +30, 2026", "2026-01-30"),
              ("12/31/2101", nil),
              ("1/2/3/2025", nil),
              ("\u{FF12}\u{FF10}\u{FF12}\u{FF15}-04-23", nil),
              ("Sept 3rd, 2025", nil),
              ("3 sep 2025", "2025-09-03"),
              ("-04-23-2025-", "2025-04-23"),
              ("2025.4.5", "2025-04-05"),
              ("1/5/26 and 2/6/27", "2026-01-05"),
              ("May\t7,,2024", "2024-05-07"),
          ] as [(String, String?)])
    func dates(text: String, date: String?) {
        #expect(ClinicalDate(parsing: text)?.description == date, "\(text)")
        #expect(ClinicalDate(parsingUTF8: Array(text.utf8)[...])?.description == date, "\(text)")
    }

    @Test("encounter: the signer's name", arguments: [
        ("Electronically signed by: Anselm Ruiz-Takahashi, MD on 02/18/2026 10:42", "Anselm Ruiz-Takahashi, MD"),
        ("Signed: José Núñez, DO (attending)", "José Núñez, DO"),
        ("Electronically signed by Beth Kaminski, DO - 04/23/2025", "Beth Kaminski, DO"),
    ])
    func provider(line: String, name: String) {
        let result = Fixtures.result("Right L5-S1 TFESI under fluoroscopy.\n\n\(line)")
        #expect(result["encounter"]?["provider"]?.stringValue == name, "\(line)")
    }
}
