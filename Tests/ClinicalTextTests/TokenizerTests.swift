import ClinicalText
import Foundation
import NotePipeline
import NoteTagging
import Testing
import _NeedlepointTestSupport

@Suite("Clinical tokenizer")
struct TokenizerTests {
    let tokenizer = Fixtures.pipeline.tagger.lexicons.tokenizer

    func texts(_ text: String) -> [String] {
        let note = NoteText(text)
        return tokenizer.tokens(of: note).tokens.map { note[$0.range] }
    }

    @Test("a key compares with a word by its bytes: whole, or as an ending")
    func keyComparison() {
        let keys = tokenizer.tokens(of: NoteText("Pain 7/10 OUT of")).keys
        #expect(keys.key(1, endsWith: "/10") && keys.key(1, is: "7/10") && !keys.key(1, is: "/10"))
        #expect(keys.key(2, is: "out") && !keys.key(2, is: "ou") && !keys.key(2, endsWith: "outs"))
        #expect(keys.key(3, endsWith: "of") && keys.key(3, endsWith: "") && !keys.key(0, is: "Pain"))
    }

    @Test("a span's text in lower case is what String.lowercased() makes of it, ASCII or not", arguments: [
        "Lumbar Radiculopathy", "L4-5 DDD (M51.36)", "a", "", "Sacro-Iliac JOINT dysfunction, bilateral", "DÉJÀ-VU Ökzema İstanbul ß",
    ])
    func lowercasedSpan(_ text: String) {
        let note = NoteText("[" + text + "]")
        let range = TextRange(start: 1, end: Int32(note.utf8.count - 1))
        #expect(note.lowercased(range) == note[range].lowercased())
        #expect(Array(note.lowercased(range).utf8) == Array(note[range].lowercased().utf8))
    }

    @Test("keeps clinical units whole", arguments: [
        ("L4-5 and L5-S1", ["L4-5", "and", "L5-S1"]),
        ("C7-T1, L4/5, S1", ["C7-T1", ",", "L4/5", ",", "S1"]),
        ("Kenalog 10mg", ["Kenalog", "10mg"]),
        ("dexamethasone 10 mg/mL, 1 mL", ["dexamethasone", "10 mg/mL", ",", "1 mL"]),
        ("0.5% bupivacaine", ["0.5%", "bupivacaine"]),
        ("pain 8/10", ["pain", "8/10"]),
        ("2.5cc of 1:1 mix", ["2.5cc", "of", "1:1", "mix"]),
        ("for 20 min", ["for", "20 min"]),
        ("s/p TFESI", ["s/p", "TFESI"]),
        ("pain 8 -> 3", ["pain", "8", "->", "3"]),
        ("M54.16 radiculopathy.", ["M54.16", "radiculopathy", "."]),
    ])
    func keepsUnitsWhole(text: String, expected: [String]) {
        #expect(texts(text) == expected)
    }

    /// ASCII words are read byte by byte; a word touching other text is read scalar by scalar.
    /// Both readings must agree: the same text with its spaces made no-break (U+00A0) and its
    /// hyphens non-breaking (U+2011) sends every word down the scalar reading.
    @Test("ASCII words are read as the scalar-by-scalar reading reads them", arguments: [
        "L4-5 and L5-S1, C7-T1 x-ray s/p w/o TFESI", "Isovue-300 3 mL; Kenalog-40 80 mg; abc-d ab-12 a-b-c",
        "pain 8/10 at 10:30, ratio 1:1, code M54.16 and 0.5% or 1,000 units, 2,500-unit vial, 12,34 1,0000 a,b",
        "10mg 2.5cc 40 mg/mL 3.5. 7-  L5- 5%x 2020-01-02",
        "UPPER lower MiXeD9 9Z Z9z-Q L4/L5 AZaz09@[`{ ends in a word9",
    ])
    func asciiReadingAgrees(text: String) {
        func reading(_ text: String) -> [String] {
            let tokenized = tokenizer.tokens(of: NoteText(text))
            return zip(tokenized.tokens, tokenized.keys).map { token, key in
                "\(key.replacingOccurrences(of: " ", with: "_")) \(token.kind) \(token.quantity.map { "\($0)" } ?? "")"
            }
        }
        let scalarText = text.replacingOccurrences(of: " ", with: "\u{A0}").replacingOccurrences(of: "-", with: "\u{2011}")
        #expect(reading(text) == reading(scalarText))
        #expect(reading(text).count > 8)
    }

    @Test("measurements carry value and unit")
    func measurements() {
        let tokens = tokenizer.tokens(of: NoteText("Kenalog 40 mg/mL, 2 cc and 155 units over 20 minutes"))
        let quantities = tokens.tokens.compactMap(\.quantity)
        #expect(quantities == [
            Quantity(value: 40, unit: .mg, perUnit: .mL), Quantity(value: 2, unit: .mL),
            Quantity(value: 155, unit: .units), Quantity(value: 20, unit: .min),
        ])
    }

    @Test("a merged measurement's key replaces its parts' keys", arguments: [
        ("Kenalog 40 mg/mL, 2 CC", ["kenalog", "40 mg/ml", ",", "2 cc"]),
        ("500-unit vial of 10MG", ["500-unit", "vial", "of", "10mg"]),
        ("Ｌ５ 20 min", ["l5", "20 min"]),
    ])
    func mergedKeys(text: String, keys: [String]) {
        let tokens = tokenizer.tokens(of: NoteText(text))
        #expect(Array(tokens.keys) == keys)
        #expect(tokens.keys.count == tokens.tokens.count)
    }

    @Test("each token knows its place in the layout: line start, blank line before, wide gap before")
    func spacing() {
        let tokens = tokenizer.tokens(of: NoteText("  Sed:  none\n\n\tPos: \r\nprone  | x")).tokens
        let layout = tokens.map { [$0.spacing.startsLine, $0.spacing.followsBlankLine, $0.spacing.followsWideGap] }
        #expect(layout == [
            [true, false, true],    // "Sed": first token, two spaces before it
            [false, false, false],  // ":"
            [false, false, true],   // "none"
            [true, true, false],    // "Pos": after a blank line and a tab (a line start is never a wide gap)
            [false, false, false],  // ":"
            [true, false, false],   // "prone": CR LF starts a line; the space and CR before the LF do not count
            [false, false, true],   // "|"
            [false, false, false],  // "x"
        ])
        // A tab counts as a space; a vertical tab, a form feed and a lone CR separate tokens but
        // count neither as spaces nor as line feeds.
        let others = tokenizer.tokens(of: NoteText("a\t b\u{0B}\u{0C}c \u{0B} d\re\r\n\u{0C} f")).tokens
        #expect(others.map { [$0.spacing.startsLine, $0.spacing.followsBlankLine, $0.spacing.followsWideGap] } == [
            [true, false, false], [false, false, true], [false, false, false], [false, false, true], [false, false, false],
            [true, false, false],
        ])
    }

    @Test("look-alike dashes, slashes and full-width digits fold to one key", arguments: [
        "L4–L5", "L4‑L5", "L4—L5", "Ｌ４-Ｌ５", "l4-l5", "L4−L5",
    ])
    func foldsLookAlikes(text: String) {
        let tokens = tokenizer.tokens(of: NoteText(text))
        #expect(tokens.tokens.count == 1)
        #expect(Array(tokens.keys) == ["l4-l5"])
    }

    @Test("a one-character key is the token's mark, whatever the text's look-alike", arguments: [
        ("–", "-"), ("／", "/"), (",", ","), ("：", ":"),
    ])
    func marks(text: String, mark: Character) {
        let tokens = tokenizer.tokens(of: NoteText(text)).tokens
        #expect(tokens.count == 1)
        #expect(tokens.first?.mark == mark.asciiValue)
        #expect(tokens.first?.isMark(",-/:") == true)
    }

    @Test("a longer key has no mark")
    func noMark() {
        let tokens = tokenizer.tokens(of: NoteText("-> ok 15")).tokens
        #expect(tokens.map(\.mark) == [0, 0, 0])
    }

    @Test("folding is NFKC case folding through ICU")
    func foldsWithICU() {
        #expect(KeyFolding.key("STRAẞE") == "strasse")
        #expect(KeyFolding.key("ﬁbrosis") == "fibrosis")
        #expect(KeyFolding.key("Ｌ５／Ｓ１") == "l5/s1")
    }

    @Test("offsets are UTF-8 bytes; scalar offsets convert exactly")
    func scalarOffsets() {
        let note = NoteText("Überweisung: L4–L5 ✓")
        let token = tokenizer.tokens(of: note).tokens.first { note[$0.range] == "L4–L5" }!
        let map = ScalarOffsetMap(note)
        let scalars = Array(note.string.unicodeScalars)
        let start = map.scalarOffset(token.range.start), end = map.scalarOffset(token.range.end)
        #expect(String(String.UnicodeScalarView(scalars[start..<end])) == "L4–L5")
        #expect(map.scalarOffset(Int32(note.utf8.count)) == scalars.count)
    }

    /// The map keeps only the multi-byte scalars: every scalar boundary of texts with scalars of
    /// each width, runs of them, ASCII stretches longer and shorter than eight bytes, and none at
    /// all, converts as counting scalars does.
    @Test("scalar offsets at every boundary, for scalars of one to four bytes", arguments: [
        "", "plain ASCII text, longer than eight bytes", "é", "ab€", "😀x", "ñ€😀ñ€😀", "L4–L5 ✓ 7/10 → 2/10",
        "Überweisung aus der Schmerzambulanz: Patientin mit Lumbalgie — L5/S1 ✓✓ 𝔏 und 123456789 Ende",
    ])
    func scalarOffsetsAtEveryBoundary(text: String) {
        let note = NoteText(text)
        let map = ScalarOffsetMap(note)
        var byteOffset = 0
        for (scalarOffset, scalar) in text.unicodeScalars.enumerated() {
            #expect(map.scalarOffset(Int32(byteOffset)) == scalarOffset)
            byteOffset += UTF8.width(scalar)
        }
        #expect(map.scalarOffset(Int32(byteOffset)) == text.unicodeScalars.count)
    }

    /// A lexicon table's phrases are tokenized in one run, a line each: every phrase gets the
    /// tokens, keys and symbols it gets alone, units merged on its line and never across lines.
    @Test("texts tokenized one per line get the tokens they get alone")
    func linesTokenizedTogether() {
        let texts = ["Lumbar TFESI", "10", "mg", "L4-5, L5-S1", "", "0.5% bupivacaine 2 mL", "s/p RFA", "DÉJÀ-VU Ökzema"]
        let (together, ranges) = tokenizer.tokens(ofLines: texts)
        #expect(ranges.count == texts.count)
        for (text, range) in zip(texts, ranges) {
            let alone = tokenizer.tokens(of: NoteText(text))
            #expect(range.map { together.keys[$0] } == alone.tokens.indices.map { alone.keys[$0] }, "\(text)")
            #expect(range.map { together.tokens[$0].symbol } == alone.tokens.map(\.symbol), "\(text)")
            #expect(range.map { together.tokens[$0].kind } == alone.tokens.map(\.kind), "\(text)")
        }
        #expect(ranges[1].count == 1 && together.tokens[ranges[1].lowerBound].kind == .number)  // "10" is not merged with the next line's "mg"
    }

    /// The token list starts with room for a token every five bytes and grows as needed: a text
    /// of one-byte tokens needs five times that, and a merge (number + unit) after the growth
    /// still removes the word it joins.
    @Test("a text of one-byte tokens grows the token list and keeps every token")
    func manyShortTokens() {
        let letters = (0..<300).map { _ in "a" }.joined(separator: ",")
        let expected = Array(repeating: ["a", ","], count: 299).flatMap { $0 } + ["a", " ", "10 mg"]
        #expect(texts(letters + " 10 mg") == expected.filter { $0 != " " })
        let tokens = tokenizer.tokens(of: NoteText(letters)).tokens
        #expect(tokens.count == 599)
        #expect(zip(tokens, tokens.dropFirst()).allSatisfy { $0.range.end == $1.range.start })
    }
}
