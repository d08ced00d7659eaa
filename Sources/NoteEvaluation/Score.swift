/// True positives, false positives and false negatives, with precision, recall and F1.
public struct Score: Sendable, Equatable {
    public var truePositives = 0
    public var falsePositives = 0
    public var falseNegatives = 0

    public init() {}

    /// 1 when nothing was predicted (nothing wrong was said).
    public var precision: Double {
        truePositives + falsePositives == 0 ? 1 : Double(truePositives) / Double(truePositives + falsePositives)
    }

    /// 1 when nothing was expected (nothing was missed).
    public var recall: Double {
        truePositives + falseNegatives == 0 ? 1 : Double(truePositives) / Double(truePositives + falseNegatives)
    }

    public var f1: Double {
        precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall)
    }

    public var support: Int { truePositives + falseNegatives }

    public static func += (lhs: inout Score, rhs: Score) {
        lhs.truePositives += rhs.truePositives
        lhs.falsePositives += rhs.falsePositives
        lhs.falseNegatives += rhs.falseNegatives
    }

    /// "precision=0.912 recall=0.950 f1=0.931" — the form other tools read.
    public var line: String {
        "precision=\(Self.three(precision)) recall=\(Self.three(recall)) f1=\(Self.three(f1))"
    }

    static func three(_ value: Double) -> String {
        let thousandths = Int((value * 1000).rounded())
        let whole = thousandths / 1000, fraction = thousandths % 1000
        return "\(whole)." + String(repeating: "0", count: 3 - String(fraction).count) + String(fraction)
    }

    /// Compares two multisets of items, counting each item once per occurrence.
    public static func compare(predicted: [String], gold: [String]) -> (score: Score, missed: [String], extra: [String]) {
        var remaining: [String: Int] = [:]
        for item in gold { remaining[item, default: 0] += 1 }
        var score = Score()
        var extra: [String] = []
        for item in predicted {
            if let count = remaining[item], count > 0 {
                remaining[item] = count - 1
                score.truePositives += 1
            } else {
                score.falsePositives += 1
                extra.append(item)
            }
        }
        let missed = gold.filter { item in
            guard let count = remaining[item], count > 0 else { return false }
            remaining[item] = count - 1
            return true
        }
        score.falseNegatives = missed.count
        return (score, missed, extra)
    }
}
