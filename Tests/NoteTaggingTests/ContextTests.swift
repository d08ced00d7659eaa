import ClinicalText
import NotePipeline
import NoteTagging
import Testing
import _NeedlepointTestSupport

/// ConText on real pain-note phrasings: what must be negated, historical or hypothetical, and
/// the peer's known misfires that must assert nothing.
@Suite("ConText assertions")
struct ContextTests {
    let tagger = Fixtures.pipeline.tagger

    /// The assertion of the mention whose text is marked ⟦…⟧.
    func asserted(_ marked: String) -> Assertion? {
        let marked = MarkedText(marked)
        let note = tagger.analyze(NoteText(marked.text))
        let range = marked.ranges[0]
        return tagger.mentions(in: note).first {
            Int($0.range.start) == range.lowerBound && Int($0.range.end) == range.upperBound
        }?.assertion
    }

    @Test("mentions come in the note's order: by start, their sentences never go back (the fact readers search them by sentence)")
    func mentionOrder() throws {
        let folders = ["authored", "coverage", "holdout", "reference-examples"].map { Fixtures.root + "/Corpora/" + $0 } + [Fixtures.mtsamples]
        let notes = folders.flatMap { Fixtures.files(in: $0, withExtension: "txt") }
        #expect(notes.count > 200)
        for path in notes {
            let mentions = tagger.mentions(in: tagger.analyze(NoteText(try String(contentsOfFile: path, encoding: .utf8))))
            for (before, after) in zip(mentions, mentions.dropFirst()) {
                #expect(before.range.start <= after.range.start && before.sentence <= after.sentence, "\(path)")
            }
        }
    }

    @Test("negated", arguments: [
        "No ⟦contrast⟧ was used.",
        "⟦Contrast⟧ was not used because of allergy.",
        "Denies numbness, and no ⟦Omnipaque⟧ or other dye was given.",
        "There was no ⟦epidural steroid injection⟧ today.",
    ])
    func negated(text: String) throws {
        let assertion = try #require(asserted(text))
        #expect(assertion.isNegated)
    }

    @Test("pseudo-negations negate nothing", arguments: [
        "Negative aspiration, then ⟦Omnipaque 240⟧ was injected.",
        "Preservative-free ⟦dexamethasone⟧ 10 mg was injected.",
        "Aspiration negative for heme; ⟦contrast⟧ showed epidural spread.",
        "Without difficulty the needle reached the ⟦L5-S1 foramen⟧.",
        "Prior to the procedure ⟦VAS 7/10⟧ was recorded.",
    ])
    func pseudoNegations(text: String) throws {
        let assertion = try #require(asserted(text))
        #expect(!assertion.isNegated)
        #expect(!assertion.isHistorical)
    }

    @Test("historical", arguments: [
        "s/p ⟦L4-5⟧ TFESI 3 months ago with good relief.",
        "She had a prior ⟦L4-5⟧ TFESI in 2023.",
        "History of ⟦lumbar radiculopathy⟧.",
        "Previous ⟦caudal ESI⟧ gave little relief.",
        "Caudal ESI in March 2024 at ⟦L5-S1⟧ did little.",
    ])
    func historical(text: String) throws {
        let assertion = try #require(asserted(text))
        #expect(assertion.isHistorical)
    }

    @Test("hypothetical", arguments: [
        "Will consider ⟦RFA⟧ if the block is positive.",
        "Plan to repeat ⟦TFESI⟧ in 3 months.",
        "We recommend ⟦epidural steroid injection⟧.",
        "If pain persists, ⟦medial branch blocks⟧ may be considered.",
    ])
    func hypothetical(text: String) throws {
        let assertion = try #require(asserted(text))
        #expect(assertion.isHypothetical)
    }

    @Test("affirmed and current", arguments: [
        "⟦Right L5-S1⟧ TFESI was performed today under fluoroscopy.",
        "⟦Omnipaque 240⟧ 1 mL confirmed epidural spread.",
        "The patient reports ⟦VAS 3/10⟧ after the procedure.",
    ])
    func affirmed(text: String) throws {
        let assertion = try #require(asserted(text))
        #expect(assertion.isAffirmedCurrent)
    }

    @Test("a past-history section makes its mentions historical; a plan section hypothetical")
    func sectionDefaults() throws {
        let history = try #require(asserted("PAST MEDICAL HISTORY:\n⟦Lumbar radiculopathy⟧, diabetes"))
        #expect(history.isHistorical)
        let plan = try #require(asserted("PLAN:\n⟦Radiofrequency ablation⟧ at L4-5 and L5-S1"))
        #expect(plan.isHypothetical)
        let family = try #require(asserted("FAMILY HISTORY:\nMother with ⟦migraine⟧"))
        #expect(family.isOtherExperiencer)
    }
}

/// The trigger phrases and headings behind an assertion, which the developer's dump prints:
/// found again on demand (``ContextEngine/cues(of:in:)``), not carried by every mention.
@Suite("ConText cues for the dump")
struct ContextCueTests {
    let tagger = Fixtures.pipeline.tagger

    @Test("each asserted mention names what asserted it; an affirmed one names nothing")
    func cues() throws {
        let text = "PROCEDURE: Right L5-S1 transforaminal epidural steroid injection.\nNo contrast was used.\n"
            + "History of prior radiofrequency ablation in 2023.\nPLAN: Repeat injection in 4 weeks."
        let note = tagger.analyze(NoteText(text))
        let mentions = tagger.mentions(in: note)
        func cues(of phrase: String) throws -> [String] {
            let mention = try #require(mentions.first { String(note.text[$0.range]).lowercased() == phrase })
            return tagger.context.cues(of: mention, in: note).map { String(note.text[$0]) }
        }
        #expect(try cues(of: "contrast") == ["No"])
        #expect(try cues(of: "radiofrequency ablation") == ["History of", "prior", "in 2023"])
        #expect(try cues(of: "4 weeks") == ["PLAN"])  // the plan section's heading
        #expect(try cues(of: "transforaminal epidural") == [])
        // Every mention: cues exactly when its assertion sets a flag.
        for mention in mentions {
            let assertion = mention.assertion
            let flagged = assertion.isNegated || assertion.isHistorical || assertion.isHypothetical || assertion.isPossible
                || assertion.isOtherExperiencer
            #expect(tagger.context.cues(of: mention, in: note).isEmpty == !flagged)
        }
    }
}
