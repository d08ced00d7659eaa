public import ClinicalText

/// A CPT/HCPCS code: five characters, digits and capital letters ("64483", "0230T", "J1100").
public struct HCPCSCode: Hashable, Comparable, Sendable, CustomStringConvertible {
    public let rawValue: String

    public init?(_ rawValue: String) {
        guard rawValue.utf8.count == 5, rawValue.utf8.allSatisfy({ ($0 >= 48 && $0 <= 57) || ($0 >= 65 && $0 <= 90) }) else {
            return nil
        }
        self.rawValue = rawValue
    }

    public var description: String { rawValue }
    public static func < (lhs: HCPCSCode, rhs: HCPCSCode) -> Bool { lhs.rawValue < rhs.rawValue }
}

/// A two-character CPT/HCPCS modifier.
public struct Modifier: Hashable, Sendable, CustomStringConvertible {
    public let rawValue: String

    init(_ rawValue: String) { self.rawValue = rawValue }

    /// Bilateral procedure (one line, units 1).
    public static let bilateral = Modifier("50")
    public static let right = Modifier("RT")
    public static let left = Modifier("LT")
    /// Drug amount discarded from a single-dose container.
    public static let wasted = Modifier("JW")
    /// No drug amount discarded.
    public static let noWaste = Modifier("JZ")
    /// Separate structure: a distinct anatomic site (NCCI).
    public static let separateStructure = Modifier("XS")

    public var description: String { rawValue }
}

/// One proposed code line: code, modifiers, units, the spans that justify it and why.
///
/// Lines are made only by the coder, from rows of the code or drug tables, and never without
/// evidence: a code that is not in the tables, or a line that cites nothing, cannot exist.
public struct CodeLine: Sendable, Equatable {
    public let code: HCPCSCode
    public let modifiers: [Modifier]
    /// At least 1.
    public let units: Int
    /// Never empty.
    public let evidence: [TextRange]
    /// One sentence a coder reads.
    public let why: String
    /// Where the line goes in the contract's order.
    let rank: Rank

    /// Contract order: procedure codes, add-ons, separately reportable guidance, drug supply codes.
    enum Rank: Int, Comparable, Sendable {
        case procedure, addOn, guidance, drug
        static func < (lhs: Rank, rhs: Rank) -> Bool { lhs.rawValue < rhs.rawValue }
    }

    init?(code: HCPCSCode, modifiers: [Modifier], units: Int, evidence: [TextRange], why: String, rank: Rank) {
        guard units >= 1, !evidence.isEmpty else { return nil }
        self.code = code
        self.modifiers = modifiers
        self.units = units
        self.evidence = evidence.normalized()
        self.why = why
        self.rank = rank
    }
}
