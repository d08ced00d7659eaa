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

    /// One procedure session of one note, kept small (a batch keeps one per procedure of every note).
    public struct Session: Sendable {
        public var ordinal: Int32
        /// The first 64 bits of the patient key.
        public var patient: UInt64
        /// Days since 1970-01-01.
        public var day: Int32
        public var family: ProcedureFamily
        public var region: Region?
        /// Index of the procedure in the note's result.
        public var procedure: UInt8

        public init(ordinal: Int, patientKey: String, date: ClinicalDate, family: ProcedureFamily, region: Region?, procedure: Int) {
            self.ordinal = Int32(ordinal)
            self.patient = UInt64(patientKey.prefix(16), radix: 16) ?? UInt64(truncatingIfNeeded: patientKey.hashValue)
            self.day = Int32(date.dayNumber)
            self.family = family
            self.region = region
            self.procedure = UInt8(min(procedure, 255))
        }
    }

    public let rules: [Rule]

    /// The families at least one rule counts; sessions of other families need not be kept.
    public let countedFamilies: Set<ProcedureFamily>

    public init(rules: [Rule]) {
        self.rules = rules
        self.countedFamilies = rules.reduce(into: []) { $0.formUnion($1.families) }
    }

    /// The rules of `Lexicons/coding/frequency-limits.tsv`.
    public init(source: LexiconSource = .embedded) throws(LexiconError) {
        var rules: [Rule] = []
        for row in try source.table("coding/frequency-limits.tsv").rows {
            rules.append(Rule(pool: try row.text("pool"), families: Set(try row.values("families", as: ProcedureFamily.self)),
                              perRegion: try row.yesNo("per_region"),
                              maxSessions: Int(try row.number("max_sessions")), windowDays: Int(try row.number("window_days"))))
        }
        self.init(rules: rules)
    }

    /// The flags to add: ordinal → (procedure index, rule, how many sessions in the window).
    public func exceeded(_ sessions: [Session]) -> [Int: [(procedure: Int, rule: Rule, count: Int)]] {
        var out: [Int: [(procedure: Int, rule: Rule, count: Int)]] = [:]
        for rule in rules {
            let pool = sessions.filter { rule.families.contains($0.family) }
            let groups = Dictionary(grouping: pool) { PoolKey(patient: $0.patient, region: rule.perRegion ? $0.region : nil) }
            for group in groups.values {
                // One session per note and pool, ordered by date, then input order.
                var seen: Set<Int32> = []
                let ordered = group.sorted { ($0.day, $0.ordinal) < ($1.day, $1.ordinal) }.filter { seen.insert($0.ordinal).inserted }
                var first = 0
                for (index, session) in ordered.enumerated() {
                    let start = Int(session.day) - rule.windowDays + 1
                    while Int(ordered[first].day) < start { first += 1 }
                    let count = index - first + 1
                    if count > rule.maxSessions {
                        out[Int(session.ordinal), default: []].append((Int(session.procedure), rule, count))
                    }
                }
            }
        }
        return out
    }

    private struct PoolKey: Hashable {
        var patient: UInt64
        var region: Region?
    }
}
