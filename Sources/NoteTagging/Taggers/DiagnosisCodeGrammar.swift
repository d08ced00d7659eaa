import ClinicalText

/// Reads ICD-10-CM codes written in a note ("M54.16", "G43.709", "M47.816"): a letter (not U),
/// two characters, a period and one to four more. The period is required, so "L45" or "C56"
/// stay spinal levels.
struct DiagnosisCodeGrammar {
    /// Appends the note's mentions of this kind to `out`.
    func tag(_ note: AnalyzedNote, into out: inout [Mention]) {
        // Codes start with a letter and a digit: the start masks pass over every other token.
        var index = note.nextPhraseStart(PhraseStarts.letterDigit, from: 0, to: note.tokens.count)
        while index < note.tokens.count {
            let token = note.tokens[index]
            if token.kind == .word && Self.startsLikeCode(token.keyFirst, token.keySecond),
               let code = note.keys.withBytes(index, { Self.isICD10($0) ? ICD10Code($0) : nil }) {
                out.append(Mention(range: token.range, tokens: index..<index + 1,
                                   kind: .diagnosis(DiagnosisMention(category: nil, icd10: code, codeIsWritten: true))))
            }
            index = note.nextPhraseStart(PhraseStarts.letterDigit, from: index + 1, to: note.tokens.count)
        }
    }

    /// A letter (not U), a digit, a letter or digit, a period, then one to four letters or digits
    /// ("m54.16", "g89.29"): checked on the key's bytes, which are ASCII for any code.
    static func isICD10(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard bytes.count >= 5, bytes.count <= 8, startsLikeCode(bytes[0], bytes[1]) else { return false }
        for (index, byte) in bytes.enumerated().dropFirst(2) {
            guard index == 3 ? byte == UInt8(ascii: ".") : isLetter(byte) || isDigit(byte) else { return false }
        }
        return true
    }

    /// A letter other than U, then a digit: how every code starts (the token's ``Token/keyFirst``
    /// and ``Token/keySecond`` turn most tokens away before the key is read).
    static func startsLikeCode(_ first: UInt8, _ second: UInt8) -> Bool {
        isLetter(first) && first | 0x20 != UInt8(ascii: "u") && isDigit(second)
    }

    private static func isLetter(_ byte: UInt8) -> Bool { (byte | 0x20) >= 0x61 && (byte | 0x20) <= 0x7A }
    private static func isDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }
}
