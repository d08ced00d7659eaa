import ClinicalText

/// Reads ICD-10-CM codes written in a note ("M54.16", "G43.709", "M47.816"): a letter (not U),
/// two characters, a period and one to four more. The period is required, so "L45" or "C56"
/// stay spinal levels.
struct DiagnosisCodeGrammar {
    func mentions(in note: AnalyzedNote) -> [Mention] {
        var out: [Mention] = []
        for (index, token) in note.tokens.enumerated() where token.kind == .word && Self.isICD10(token.key) {
            let code = String(token.key.uppercased())
            out.append(Mention(range: token.range, tokens: index..<index + 1,
                               kind: .diagnosis(DiagnosisMention(category: nil, icd10: code, codeIsWritten: true))))
        }
        return out
    }

    static func isICD10(_ key: String) -> Bool {
        let characters = Array(key)
        guard characters.count >= 5, characters.count <= 8, let first = characters.first,
              first.isASCII, first.isLetter, first != "u", characters[1].isASCII, characters[1].isNumber,
              characters[2].isASCII, characters[2].isLetter || characters[2].isNumber, characters[3] == "." else { return false }
        return characters[4...].allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber) }
    }
}
