import Foundation
import NotePipeline
import Testing
import _NeedlepointTestSupport

/// HL7 CDA input through libxml2: narrative to note text, and unsafe or foreign XML refused.
@Suite("CDA documents")
struct CDATests {
    static let examples = Fixtures.files(in: Fixtures.shared + "/corpora/cda-examples", withExtension: "xml")

    @Test("every public CDA example reads as a note or as a clear not-cda error", arguments: examples)
    func publicExamples(path: String) throws {
        let bytes = Array(try Data(contentsOf: URL(fileURLWithPath: path)))
        let result = ResultEncoder.json(Fixtures.pipeline.run(bytes: bytes, id: "cda"))
        if let error = result["error"] {
            #expect(error["kind"]?.stringValue == "not-cda", "\(path): \(error)")
        } else {
            #expect(result["procedures"]?.arrayValue != nil)
        }
    }

    static let procedureNote = """
    <?xml version="1.0" encoding="UTF-8"?>
    <ClinicalDocument xmlns="urn:hl7-org:v3">
      <title>Procedure Note</title>
      <component><structuredBody>
        <component><section><title>Procedure</title>
          <text><paragraph>Right L5-S1 transforaminal epidural steroid injection under <content>fluoroscopy</content>.</paragraph>
            <list><item>Omnipaque 240 confirmed spread.</item><item>AP and lateral views confirmed the final needle position.</item></list>
            <table><tr><td>Dexamethasone</td><td>10 mg</td></tr></table>
          </text></section></component>
        <component><section><title>Plan</title><text>Consider RFA at L4-5.</text></section></component>
      </structuredBody></component>
    </ClinicalDocument>
    """

    @Test("the narrative of a procedure note becomes facts with evidence")
    func procedureFacts() throws {
        let result = Fixtures.result(Self.procedureNote, id: "cda-tfesi")
        let procedures = try #require(result["procedures"]?.arrayValue)
        #expect(procedures.count == 1)
        #expect(procedures.first?["family"]?.stringValue == "epidural-transforaminal")
        #expect(procedures.first?["levels"]?.arrayValue == [.string("L5-S1")])
        #expect(procedures.first?["guidance"]?.stringValue == "fluoroscopy")
        #expect(result["contrast"]?["needleViews"]?.numberValue == 2)
        #expect(result["drugs"]?.arrayValue?.first?["dose"]?.numberValue == 10)
    }

    @Test("unsafe or foreign XML is refused with its reason, and no file content leaks", arguments: [
        ("""
        <?xml version="1.0"?>
        <!DOCTYPE ClinicalDocument [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
        <ClinicalDocument xmlns="urn:hl7-org:v3"><component><structuredBody><component><section>
        <text>&xxe;</text></section></component></structuredBody></component></ClinicalDocument>
        """, "xml-doctype"),
        ("""
        <?xml version="1.0"?>
        <!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]>
        <ClinicalDocument xmlns="urn:hl7-org:v3"><title>&lol2;</title></ClinicalDocument>
        """, "xml-doctype"),
        ("<note><text>Right L5-S1 TFESI</text></note>", "not-cda"),
        ("<ClinicalDocument><component/></ClinicalDocument>", "not-cda"),
        ("<ClinicalDocument xmlns=\"urn:hl7-org:v3\"><component><structuredBody>", "xml-malformed"),
    ])
    func refused(xml: String, kind: String) {
        let result = Fixtures.result(xml, id: "bad-xml")
        #expect(result["error"]?["kind"]?.stringValue == kind)
        let message = result["error"]?["message"]?.stringValue ?? ""
        #expect(!message.contains("root:") && !message.contains("TFESI") && !message.contains("lol"))
    }
}
