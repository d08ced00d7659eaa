/// A vertebra (or, for C8, the cervical nerve root that has no vertebra), head to toe.
public struct Vertebra: Hashable, Comparable, Sendable, BitwiseCopyable, CustomStringConvertible {
    /// 0 = C1 … 6 = C7, 7 = C8 (root only), 8 = T1 … 19 = T12, 20 = L1 … 24 = L5, 25 = S1 … 29 = S5.
    public var ordinal: Int { Int(storedOrdinal) }
    /// One byte: a level expression's items stand inline in its mention.
    private let storedOrdinal: UInt8

    public enum Region: Character, Sendable { case c = "C", t = "T", l = "L", s = "S" }

    public init?(region: Region, number: Int) {
        switch region {
        case .c where (1...8).contains(number): self.init(ordinal: number - 1)
        case .t where (1...12).contains(number): self.init(ordinal: 7 + number)
        case .l where (1...5).contains(number): self.init(ordinal: 19 + number)
        case .s where (1...5).contains(number): self.init(ordinal: 24 + number)
        default: return nil
        }
    }

    private init(ordinal: Int) { storedOrdinal = UInt8(ordinal) }

    public var region: Region {
        switch ordinal {
        case 0...7: .c
        case 8...19: .t
        case 20...24: .l
        default: .s
        }
    }

    public var number: Int {
        switch region {
        case .c: ordinal + 1
        case .t: ordinal - 7
        case .l: ordinal - 19
        case .s: ordinal - 24
        }
    }

    /// True for the C8 pseudo-vertebra, which exists only as a nerve root.
    public var isRootOnly: Bool { ordinal == 7 }

    /// The next vertebra down (C7 → T1, skipping C8; T12 → L1; L5 → S1); nil after S5.
    public var below: Vertebra? {
        let next = ordinal == 6 ? 8 : ordinal + 1
        return next <= 29 ? Vertebra(ordinal: next) : nil
    }

    /// The next vertebra up; nil above C1.
    public var above: Vertebra? {
        let previous = ordinal == 8 ? 6 : ordinal - 1
        return previous >= 0 ? Vertebra(ordinal: previous) : nil
    }

    public static func < (lhs: Vertebra, rhs: Vertebra) -> Bool { lhs.ordinal < rhs.ordinal }

    /// Every vertebra, head to toe (C1 … C7, C8, T1 … S5): the one at each ordinal.
    public static let all = (0...29).map(Vertebra.init(ordinal:))

    /// "C1" … "S5": a name by ordinal, made once (levels are named in every result and code line).
    public var description: String { Self.names[ordinal] }

    private static let names = all.map { "\($0.region.rawValue)\($0.number)" }
}

/// A spinal segment in contract form: an interspace ("L4-L5"), a single segment ("S1", "T8"),
/// or the sacral hiatus of a caudal injection.
public enum SpinalSegment: Hashable, Comparable, Sendable, BitwiseCopyable, CustomStringConvertible {
    case interspace(upper: Vertebra)
    case single(Vertebra)
    case sacralHiatus

    public var description: String {
        switch self {
        case .interspace(let upper): Self.interspaceNames[upper.ordinal]
        case .single(let vertebra): vertebra.description
        case .sacralHiatus: "sacral-hiatus"
        }
    }

    /// "C1-C2" … "S5-?" by the upper vertebra's ordinal, made once.
    private static let interspaceNames = Vertebra.all.map { "\($0)-\($0.below.map(\.description) ?? "?")" }

    /// Head-to-toe position: an interspace sorts just below its upper vertebra.
    var sortKey: Int {
        switch self {
        case .interspace(let upper): upper.ordinal * 2 + 1
        case .single(let vertebra): vertebra.ordinal * 2
        case .sacralHiatus: 1000
        }
    }

    public static func < (lhs: SpinalSegment, rhs: SpinalSegment) -> Bool { lhs.sortKey < rhs.sortKey }

    /// The region of the segment's upper vertebra.
    public var vertebraRegion: Vertebra.Region? {
        switch self {
        case .interspace(let upper): upper.region
        case .single(let vertebra): vertebra.region
        case .sacralHiatus: .s
        }
    }
}
