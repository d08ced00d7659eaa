@testable import ClinicalText
import NotePipeline
@testable import NoteTagging
import Testing
import _NeedlepointTestSupport

/// A mention is a plain value: its payloads stand inline and lexicon names are interned.
@Suite("Mentions as plain values")
struct MentionValueTests {
    let tagger = Fixtures.pipeline.tagger

    func mentions(_ text: String) -> [Mention] { tagger.mentions(in: tagger.analyze(NoteText(text))) }

    @Test("a mention holds no reference: copying one retains nothing, freeing a list releases nothing")
    func mentionIsPlainValue() {
        #expect(_isPOD(Mention.self))
        #expect(_isPOD(MentionKind.self))
    }

    @Test("a lexicon name is interned: the same text is the same name, ordered as its text")
    func lexiconNames() {
        #expect(LexiconName("triamcinolone") == LexiconName(String("triamcinolone")))
        #expect(LexiconName("triamcinolone") != LexiconName("dexamethasone"))
        #expect(LexiconName("botulinum toxin").spells("botulinum toxin"))
        #expect(!LexiconName("botulinum toxin").spells("botulinum"))
        // The real lexicon's drug names sort as their text does.
        let names = Fixtures.pipeline.tagger.lexicons.drugs.payloads.map(\.generic)
        #expect(names.sorted().map(\.string) == names.map(\.string).sorted())
        #expect(Set(names.map(\.string)).count == Set(names).count)
    }

    @Test("a list of more levels than a mention holds continues as a second level expression")
    func longLevelList() throws {
        let found = mentions("Medial branch blocks at T1, T2, T3, T4, T5, T6, T7, T8, T9, T10, T11, T12, L1 and L2.")
            .compactMap { mention -> LevelMention? in if case .level(let level) = mention.kind { level } else { nil } }
        #expect(found.count == 2)
        #expect(found.first?.items.count == 12)
        #expect(found.map { $0.items.count }.reduce(0, +) == 14)  // (a closure: a key path into an InlineList crashes Swift 6.3.1's IR generation)
    }

    @Test("a written ICD-10 code is read in upper case")
    func writtenCode() throws {
        let codes = mentions("Diagnosis: lumbar radiculopathy (m54.16).").compactMap { mention -> String? in
            if case .diagnosis(let diagnosis) = mention.kind { diagnosis.icd10?.description } else { nil }
        }
        #expect(codes == ["M54.16"])
    }
}
