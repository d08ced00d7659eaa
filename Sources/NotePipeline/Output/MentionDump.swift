import ClinicalText
import NoteTagging

/// A developer's view of a note: sections, then every mention with its section, assertion and
/// text. It prints note text, so it is only for `code --dump` on notes you may read.
public enum MentionDump {
    public static func render(_ note: Note, pipeline: NeedlepointPipeline) -> String {
        let (analyzed, mentions) = pipeline.mentions(of: note)
        var out = "sections:\n"
        for section in analyzed.sections {
            out += "  \(section.kind.rawValue) \(section.heading.map { "\"\(note.text[$0])\"" } ?? "-") \(section.range)\n"
        }
        out += "mentions:\n"
        for mention in mentions {
            var flags: [String] = []
            if mention.assertion.isNegated { flags.append("negated") }
            if mention.assertion.isHistorical { flags.append("historical") }
            if mention.assertion.isHypothetical { flags.append("hypothetical") }
            if mention.assertion.isPossible { flags.append("possible") }
            if mention.assertion.isOtherExperiencer { flags.append("other") }
            let text = note.text[mention.range].split(whereSeparator: \.isNewline).joined(separator: " ")
            let cues = pipeline.tagger.context.cues(of: mention, in: analyzed)
            if !cues.isEmpty { flags.append("by " + cues.map { "'\(note.text[$0])'" }.joined(separator: "+")) }
            out += "  s\(mention.sentence) \(mention.section.rawValue) \(label(mention.kind)) \(flags.joined(separator: ",")) \"\(text)\"\n"
        }
        return out
    }

    static func label(_ kind: MentionKind) -> String {
        switch kind {
        case .procedure(let cue): "procedure(\(cue.family.rawValue)\(cue.isWeak ? ",weak" : ""))"
        case .region(let word): "region(\(word.rawValue))"
        case .side(let side): "side(\(side.rawValue))"
        case .level(let level): "level(\(Array(level.items)) \(level.reading?.rawValue ?? "-") \(level.side?.rawValue ?? "-"))"
        case .guidance(let kind): "guidance(\(kind.rawValue))"
        case .contrast(let cue): "contrast(\(cue.agent?.string ?? "-"))"
        case .view(let cue): "view(\(cue.views.map(\.rawValue))\(cue.isWeak ? ",weak" : ""))"
        case .drug(let drug): "drug(\(drug.name.generic) \(drug.dose.map { "\($0.value) \($0.unit?.rawValue ?? "")" } ?? "-")\(drug.isOral ? " oral" : ""))"
        case .painScore(let score): "pain(\(score.value) \(score.timing?.rawValue ?? "-"))"
        case .diagnosis(let diagnosis): "diagnosis(\(diagnosis.icd10?.description ?? "-") \(diagnosis.category?.rawValue ?? "-"))"
        case .documentation(let value): "documentation(\(value.element.rawValue))"
        case .muscle(let muscle): "muscle(\(muscle.cue.muscle) \(muscle.cue.site.rawValue) \(muscle.side?.rawValue ?? "-"))"
        case .electricalGuidance(let kind): "electrical(\(kind.rawValue))"
        case .quantity(let quantity): "quantity(\(quantity.quantity.value) \(quantity.quantity.unit?.rawValue ?? "") \(quantity.role?.rawValue ?? "-"))"
        }
    }
}
