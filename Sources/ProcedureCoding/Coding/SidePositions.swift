import NoteFacts
import NoteTagging

/// The level positions of a per-level procedure, with the modifier each takes: the first
/// position is the primary code, later ones the add-ons. A position done on both sides takes 50;
/// one done on one side only takes that side's RT or LT (reference LV-03…LV-05, LV-09, LV-12…LV-16;
/// section 10, Q-03): left L4-5 + L5-S1 with right L5-S1 → position 1 both sides (50), position 2
/// left only (LT).
struct SidePositions {
    struct Position {
        /// 1-based.
        var number: Int
        var modifier: Modifier?
        /// The level whose region picks the code row (nil when the note names no level).
        var segment: SpinalSegment?
    }

    let positions: [Position]

    init(_ procedure: ProcedureFact, sidedCode: Bool) {
        let all = procedure.levels
        // When the note contradicts itself on the side, no side modifier is given (W21).
        let sideConflict = procedure.conflicts.contains { $0.kind == .side }
        var left = sideConflict ? [] : procedure.levelsBySide.left
        var right = sideConflict ? [] : procedure.levelsBySide.right
        if left.isEmpty && right.isEmpty {
            switch procedure.laterality {
            case .left: left = all
            case .right: right = all
            case .bilateral: left = all; right = all
            case nil: break
            }
        }
        var positions: [Position] = []
        if (left.isEmpty && right.isEmpty) || !sidedCode {
            // No side documented (or the side conflicts), or a code without side modifiers.
            let count = max(all.count, 1)
            for number in 1...count {
                positions.append(Position(number: number, modifier: nil, segment: number <= all.count ? all[number - 1] : nil))
            }
        } else {
            let both = min(left.count, right.count)
            let longer = left.count >= right.count ? left : right
            let longerSide: Modifier = left.count >= right.count ? .left : .right
            // Levels done on both sides first (the primary goes to a bilateral level), then one-sided ones.
            let shared = longer.filter { (left.contains($0) && right.contains($0)) }
            let ordered = shared + longer.filter { !shared.contains($0) }
            for number in 1...max(left.count, right.count) {
                let modifier: Modifier = number <= both ? .bilateral : longerSide
                positions.append(Position(number: number, modifier: modifier, segment: ordered[number - 1]))
            }
        }
        self.positions = positions
    }
}

extension SpinalSegment {
    /// The contract region of a level (by its upper vertebra).
    var region: Region {
        switch vertebraRegion {
        case .c?, .t?: .cervicalThoracic
        default: .lumbarSacral
        }
    }
}
