#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import ClinicalText
public import NoteTagging
public import NotePipeline

/// Scores the ConText engine on Chapman's NegEx test set (`rsAnnotations-1-120-random.txt`):
/// each row is a sentence with its target phrase in upper case, and whether the target is
/// negated and whether it is historical. The sentence is analyzed as a one-line note, the target
/// found in it, and its assertion compared with the row's labels.
public struct NegExEvaluation: Sendable {
    public var negation = Score()
    public var historical = Score()
    public var rows = 0
    /// Row numbers whose target could not be found in the sentence (scored as affirmed, recent).
    public var unlocated: [Int] = []
    /// Rows where a prediction disagrees with the label: (row, dimension, predicted, sentence).
    public var disagreements: [(row: Int, dimension: String, predicted: Bool, target: String, sentence: String)] = []

    public enum Failure: Error, CustomStringConvertible {
        case unreadable(String), badHeader(String)
        public var description: String {
            switch self {
            case .unreadable(let path): "cannot read \(path)"
            case .badHeader(let path): "\(path) does not start with the NegEx header (line number, Condition, sentence, …)"
            }
        }
    }

    public init(path: String, pipeline: NeedlepointPipeline) throws {
        guard let data = FileManager.default.contents(atPath: path) else { throw Failure.unreadable(path) }
        let lines = String(decoding: data, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: true)
        guard let header = lines.first, header.lowercased().hasPrefix("line number\tcondition") else {
            throw Failure.badHeader(path)
        }
        let tagger = pipeline.tagger
        for line in lines.dropFirst() {
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            guard fields.count >= 5 else { continue }
            rows += 1
            let goldNegated = fields[3].lowercased().hasPrefix("negated")
            let goldHistorical = fields[4].lowercased().hasPrefix("historical")
            let assertion = Self.assertion(of: fields[1], in: fields[2], tagger: tagger)
            if assertion == nil { unlocated.append(Int(fields[0]) ?? rows) }
            let row = Int(fields[0]) ?? rows
            let negated = assertion?.isNegated ?? false, past = assertion?.isHistorical ?? false
            Self.count(&negation, predicted: negated, gold: goldNegated)
            Self.count(&historical, predicted: past, gold: goldHistorical)
            if negated != goldNegated { disagreements.append((row, "negation", negated, fields[1], fields[2])) }
            if past != goldHistorical { disagreements.append((row, "historical", past, fields[1], fields[2])) }
        }
    }

    static func count(_ score: inout Score, predicted: Bool, gold: Bool) {
        switch (predicted, gold) {
        case (true, true): score.truePositives += 1
        case (true, false): score.falsePositives += 1
        case (false, true): score.falseNegatives += 1
        case (false, false): break
        }
    }

    /// The assertion of `target` inside `sentence`; nil when the target is not in the sentence.
    public static func assertion(of target: String, in sentence: String, tagger: NoteTagger) -> Assertion? {
        guard let byteRange = locate(target, in: sentence) else { return nil }
        let note = tagger.analyze(NoteText(sentence))
        let first = note.tokenIndex(atOrAfter: Int32(byteRange.lowerBound))
        var last = first
        while last < note.tokens.count, note.tokens[last].range.start < Int32(byteRange.upperBound) { last += 1 }
        guard first < last else { return nil }
        let sentenceIndex = Int(note.sentenceOfToken[first])
        let sentenceValue = note.sentences[sentenceIndex]
        let matches = tagger.context.matches(in: note, sentence: sentenceValue)
        var assertion = tagger.context.assertion(for: first..<last, in: note, sentence: sentenceValue, matches: matches)
        ContextEngine.applySectionDefault(note.sections[sentenceValue.section], to: &assertion)
        return assertion
    }

    /// UTF-8 byte range of the target in the sentence: the occurrence written in upper case if
    /// there is one (the set marks its target so), else the first, ignoring case and spacing.
    static func locate(_ target: String, in sentence: String) -> Range<Int>? {
        let words = target.lowercased().split(whereSeparator: { $0 == " " || $0 == "\t" })
        guard !words.isEmpty else { return nil }
        let bytes = Array(sentence.utf8)
        let lower = Array(sentence.lowercased().utf8)
        guard lower.count == bytes.count else { return nil }
        var found: [Range<Int>] = []
        var start = 0
        func isWordByte(_ byte: UInt8) -> Bool { (byte >= 97 && byte <= 122) || (byte >= 48 && byte <= 57) }
        while start < lower.count {
            if start == 0 || !isWordByte(lower[start - 1]), let end = match(words.map { Array($0.utf8) }, lower, from: start),
               end == lower.count || !isWordByte(lower[end]) {
                found.append(start..<end)
            }
            start += 1
        }
        let upper = found.first { range in
            !bytes[range].contains { $0 >= 97 && $0 <= 122 }
        }
        return upper ?? found.first
    }

    private static func match(_ words: [[UInt8]], _ text: [UInt8], from start: Int) -> Int? {
        var position = start
        for (index, word) in words.enumerated() {
            if index > 0 {
                guard position < text.count, text[position] == 0x20 || text[position] == 0x09 else { return nil }
                while position < text.count, text[position] == 0x20 || text[position] == 0x09 { position += 1 }
            }
            guard position + word.count <= text.count, Array(text[position..<position + word.count]) == word else { return nil }
            position += word.count
        }
        return position
    }
}
