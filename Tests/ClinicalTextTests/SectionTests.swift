import ClinicalText
import Foundation
import NotePipeline
import NoteTagging
import Testing
import _NeedlepointTestSupport

@Suite("Sections and sentences")
struct SectionTests {
    func analyze(_ text: String) -> AnalyzedNote { Fixtures.pipeline.tagger.analyze(NoteText(text)) }

    func kind(of phrase: String, in text: String) -> SectionKind? {
        let note = analyze(text)
        guard let range = text.range(of: phrase) else { return nil }
        let offset = Int32(text.utf8.distance(from: text.utf8.startIndex, to: range.lowerBound))
        return note.section(ofToken: note.tokenIndex(atOrAfter: offset)).kind
    }

    let template = """
    PREOPERATIVE DIAGNOSIS: Lumbar radiculopathy
    HISTORY: prior L4-5 TFESI
    PAST MEDICAL HISTORY: Hypertension
    Procedure performed today: right L5-S1 TFESI
    MEDICATIONS: gabapentin
    PLAN: repeat injection
    """

    @Test("headings set section kinds", arguments: [
        ("Lumbar radiculopathy", SectionKind.diagnosis), ("prior L4-5", .presentIllness), ("Hypertension", .pastHistory),
        ("right L5-S1", .procedure), ("gabapentin", .medications), ("repeat injection", .plan),
    ])
    func headingKinds(phrase: String, kind: SectionKind) {
        #expect(self.kind(of: phrase, in: template) == kind)
    }

    @Test("a heading matches only at the start of a line")
    func headingsAtLineStart() {
        let text = "Date of Service: 01/02/2026\nPROCEDURE: L5-S1 TFESI"
        #expect(kind(of: "01/02", in: text) == .administrative)
        #expect(kind(of: "L5-S1", in: text) == .procedure)
        #expect(analyze(text).sections.allSatisfy { $0.kind != .plan })
    }

    @Test("a label line does not swallow the note")
    func labelLines() {
        let text = "Physician: Jane Roe, MD\nRight L5-S1 TFESI under fluoroscopy."
        #expect(kind(of: "Right L5-S1", in: text) == .preamble)
    }

    @Test("findings are the procedure's in a procedure note and imaging in a consult")
    func findings() {
        #expect(kind(of: "spread", in: "PROCEDURE: L5-S1 ILESI\nFINDINGS: epidural spread") == .procedure)
        #expect(kind(of: "stenosis", in: "HISTORY: back pain\nFINDINGS: MRI shows L4-5 stenosis") == .imaging)
    }

    @Test("sentences end at periods, blank lines, list items and capitalized new lines, not at abbreviations")
    func sentences() {
        let note = analyze("Dr. Roe saw the pt. today. Pain 8/10\n- item one\n- item two\nNeedle placed; the wrapped\nline goes on")
        let texts = note.sentences.map { note.text[$0.range] }
        #expect(texts == ["Dr. Roe saw the pt. today.", "Pain 8/10", "- item one", "- item two", "Needle placed;",
                          "the wrapped\nline goes on"])
    }
}
