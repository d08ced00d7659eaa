public import NoteFacts
public import LexiconKit

/// `frequency-limit-exceeded` across a batch (reference ESI-10, FJ-07, AC-02; section 10): sessions
/// of one policy pool and region for one patient, inside a window of days ending on each session's
/// date; only the sessions beyond the limit are flagged. Patients are salted keys; notes without a
/// patient or a date are left unflagged.
public struct FrequencyLimits: Sendable {
    public struct Rule: Sendable {
        public var pool: String
        public var families: Set<ProcedureFamily>
        public var perRegion: Bool
        public var maxSessions: Int
        public var windowDays: Int
    }

    /// One procedure session of one note.
    public struct Session: Sendable {
        public var ordinal: Int
        public var patient: String
        public var date: ClinicalDate
        public var family: ProcedureFamily
        public var region: Region?
        /// Index of the procedure in the note's result.
        public var procedure: Int
    }

    public let rules: [Rule]

    public init(rules: [Rule]) { self.rules = rules }

    /// The rules of `Lexicons/coding/frequency-limits.tsv`.
    public init(source: LexiconSource = .embedded) throws(LexiconError) {
        var rules: [Rule] = []
        for row in try source.table("coding/frequency-limits.tsv").rows {
            var families: Set<ProcedureFamily> = []
            for name in try row.list("families") {
                guard let family = ProcedureFamily(rawValue: name) else { throw row.error(column: "families", "unknown family `\(name)`") }
                families.insert(family)
            }
            let perRegion = try row.text("per_region")
            guard perRegion == "yes" || perRegion == "no" else { throw row.error(column: "per_region", "expected yes or no") }
            rules.append(Rule(pool: try row.text("pool"), families: families, perRegion: perRegion == "yes",
                              maxSessions: Int(try row.number("max_sessions")), windowDays: Int(try row.number("window_days"))))
        }
        self.rules = rules
    }

    /// The flags to add: ordinal → (procedure index, rule, how many sessions in the window).
    public func exceeded(_ sessions: [Session]) -> [Int: [(procedure: Int, rule: Rule, count: Int)]] {
        var out: [Int: [(procedure: Int, rule: Rule, count: Int)]] = [:]
        for rule in rules {
            let pool = sessions.filter { rule.families.contains($0.family) }
            let groups = Dictionary(grouping: pool) { "\($0.patient)|\(rule.perRegion ? $0.region?.rawValue ?? "-" : "-")" }
            for group in groups.values {
                // One session per note and pool, ordered by date, then input order.
                var seen: Set<Int> = []
                let ordered = group.sorted { ($0.date.dayNumber, $0.ordinal) < ($1.date.dayNumber, $1.ordinal) }
                    .filter { seen.insert($0.ordinal).inserted }
                for (index, session) in ordered.enumerated() {
                    let start = session.date.dayNumber - rule.windowDays + 1
                    let count = ordered[...index].filter { $0.date.dayNumber >= start }.count
                    if count > rule.maxSessions {
                        out[session.ordinal, default: []].append((session.procedure, rule, count))
                    }
                }
            }
        }
        return out
    }
}
