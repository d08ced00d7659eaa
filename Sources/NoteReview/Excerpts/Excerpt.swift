/// A short piece of a note around a span of evidence, with the patient's identifiers taken out.
public struct Excerpt: Sendable, Equatable {
    public enum Part: Sendable, Equatable {
        case text(String)
        /// The evidence itself, shown highlighted.
        case evidence(String)
        /// A patient identifier (name, record number, date of birth) that was removed.
        case redacted
    }

    public var parts: [Part]
    /// Whether the line goes on before / after the excerpt.
    public var clippedBefore: Bool
    public var clippedAfter: Bool
}

/// Cuts excerpts out of a note's UTF-8 text.
struct ExcerptCutter {
    let utf8: [UInt8]
    /// Identifier strings (a patient's name parts, record number, date of birth) to remove wherever
    /// they appear as whole words, not only where they were labelled.
    let identifiers: [[UInt8]]
    /// How much of the line to keep on each side of the evidence, in bytes.
    var context = 110

    /// The line around `span` (Unicode scalar offsets), clipped to `context` on each side.
    func excerpt(scalarStart: Int, scalarEnd: Int) -> Excerpt? {
        guard let start = byteOffset(ofScalar: scalarStart), let end = byteOffset(ofScalar: scalarEnd), start <= end else { return nil }
        var lineStart = start, lineEnd = end
        while lineStart > 0, utf8[lineStart - 1] != 0x0A { lineStart -= 1 }
        while lineEnd < utf8.count, utf8[lineEnd] != 0x0A, utf8[lineEnd] != 0x0D { lineEnd += 1 }
        var from = max(lineStart, start - context), to = min(lineEnd, end + context)
        // Clip at word starts/ends and never inside a multi-byte character.
        while from > lineStart, from < start, utf8[from - 1] != 0x20 || utf8[from] & 0xC0 == 0x80 { from += 1 }
        while to < lineEnd, to > end, utf8[to] != 0x20 || utf8[to] & 0xC0 == 0x80 { to -= 1 }

        var kinds = [UInt8](repeating: 0, count: to - from)  // 0 text, 1 evidence, 2 redacted
        for offset in start..<end { kinds[offset - from] = 1 }  // from <= start <= end <= to
        for identifier in identifiers {
            for offset in occurrences(of: identifier, in: from..<to) {
                for byte in max(offset, from)..<min(offset + identifier.count, to) { kinds[byte - from] = 2 }
            }
        }
        var parts: [Excerpt.Part] = []
        var runStart = 0
        while runStart < kinds.count {
            var runEnd = runStart
            while runEnd < kinds.count, kinds[runEnd] == kinds[runStart] { runEnd += 1 }
            let text = String(decoding: utf8[(from + runStart)..<(from + runEnd)], as: UTF8.self)
            switch kinds[runStart] {
            case 1: parts.append(.evidence(text))
            case 2: parts.append(.redacted)
            default: parts.append(.text(text))
            }
            runStart = runEnd
        }
        return Excerpt(parts: parts, clippedBefore: from > lineStart, clippedAfter: to < lineEnd)
    }

    /// The UTF-8 offset of a scalar offset (the contract counts scalars).
    private func byteOffset(ofScalar scalar: Int) -> Int? {
        var scalars = 0
        for (offset, byte) in utf8.enumerated() where byte & 0xC0 != 0x80 {
            if scalars == scalar { return offset }
            scalars += 1
        }
        return scalars == scalar ? utf8.count : nil
    }

    /// Where `needle` occurs in `range` as a whole word, ignoring ASCII case.
    private func occurrences(of needle: [UInt8], in range: Range<Int>) -> [Int] {
        guard !needle.isEmpty, range.count >= needle.count else { return [] }
        func lower(_ byte: UInt8) -> UInt8 { byte >= 65 && byte <= 90 ? byte + 32 : byte }
        func isWordByte(_ byte: UInt8) -> Bool { byte >= 0x80 || (byte >= 48 && byte <= 57) || (lower(byte) >= 97 && lower(byte) <= 122) }
        var found: [Int] = []
        // Search the whole line context so a word cut by the clip is still recognized.
        let (low, high) = (max(0, range.lowerBound - needle.count), min(utf8.count - needle.count, range.upperBound))
        guard low <= high else { return [] }
        for offset in low...high {
            guard (0..<needle.count).allSatisfy({ lower(utf8[offset + $0]) == lower(needle[$0]) }) else { continue }
            if offset > 0, isWordByte(utf8[offset - 1]) { continue }
            if offset + needle.count < utf8.count, isWordByte(utf8[offset + needle.count]) { continue }
            if offset + needle.count > range.lowerBound, offset < range.upperBound { found.append(offset) }
        }
        return found
    }
}
