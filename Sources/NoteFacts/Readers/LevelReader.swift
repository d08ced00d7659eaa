import NoteTagging

/// Reads a level mention as the segments a procedure family counts: foramina for transforaminal
/// injections (a root names the foramen it exits: lumbar and thoracic roots below their vertebra,
/// cervical roots above), joints for facet procedures (two medial branches name the joint they
/// supply), single segments for intercostal blocks, interspaces for interlaminar epidurals.
enum LevelReader {
    /// What one level mention names for a procedure family.
    struct Reading {
        var segments: [SpinalSegment] = []
        /// Medial-branch nerves: joints are formed from the nerves of every mention together
        /// (``joints(fromNerves:)``).
        var nerves: [Vertebra] = []
    }

    /// Segments of one mention for `family`, and the medial-branch nerves it names.
    static func read(_ level: LevelMention, family: ProcedureFamily) -> Reading {
        var segments: [SpinalSegment] = []
        var nerves: [Vertebra] = []
        for item in level.items {
            switch (item, family) {
            case (.span(let upper, let lower), .nerveBlock):
                var vertebra: Vertebra? = upper
                while let current = vertebra, current <= lower {
                    segments.append(.single(current))
                    vertebra = current.below
                }
            case (.span(let upper, let lower), _):
                segments += interspaces(from: upper, to: lower)
            case (.vertebra(let vertebra), .nerveBlock):
                segments.append(.single(vertebra))
            case (.vertebra(let vertebra), .epiduralTransforaminal):
                if let foramen = foramen(ofRoot: vertebra) { segments.append(foramen) }
            case (.vertebra(let vertebra), .medialBranchBlock), (.vertebra(let vertebra), .facetRFA):
                if level.reading == .joint || level.reading == .interspace {
                    if vertebra.below != nil, !vertebra.isRootOnly { segments.append(.interspace(upper: vertebra)) }
                } else {
                    nerves.append(vertebra)
                }
            case (.vertebra(let vertebra), .facetJoint):
                if level.reading == .medialBranch || level.reading == .dorsalRamus {
                    nerves.append(vertebra)
                } else if vertebra.below != nil, !vertebra.isRootOnly {
                    segments.append(.interspace(upper: vertebra))
                }
            case (.vertebra(let vertebra), _):
                if level.reading == .root, let foramen = foramen(ofRoot: vertebra) {
                    segments.append(foramen)
                } else if vertebra.region == .s {
                    segments.append(.single(vertebra))
                } else if vertebra.below != nil, !vertebra.isRootOnly {
                    segments.append(.interspace(upper: vertebra))
                }
            }
        }
        return Reading(segments: segments, nerves: nerves)
    }

    static func interspaces(from upper: Vertebra, to lower: Vertebra) -> [SpinalSegment] {
        var out: [SpinalSegment] = []
        var vertebra = upper
        while let below = vertebra.below, below <= lower {
            if !vertebra.isRootOnly { out.append(.interspace(upper: vertebra)) }
            vertebra = below
        }
        return out
    }

    /// The foramen a nerve root exits: C6 → C5-C6, C8 → C7-T1, L5 → L5-S1, S1 → S1.
    static func foramen(ofRoot root: Vertebra) -> SpinalSegment? {
        switch root.region {
        case .c:
            if root.isRootOnly { return .interspace(upper: Vertebra(region: .c, number: 7)!) }
            return root.above.map { .interspace(upper: $0) }
        case .s:
            return .single(root)
        case .t, .l:
            return .interspace(upper: root)
        }
    }

    /// Joints supplied by a set of medial-branch nerves. A lumbar or thoracic joint takes the
    /// branches of its own vertebra and the one above (L3 + L4 → L4-L5; L4 + L5 dorsal ramus →
    /// L5-S1); a cervical joint those of its two vertebrae (C3 + C4 → C3-C4). A lone nerve
    /// names the joint below it.
    static func joints(fromNerves nerves: [Vertebra]) -> [SpinalSegment] {
        // The nerves named, as a set of ordinals: thirty vertebrae fit in one word.
        var named: UInt32 = 0
        for nerve in nerves { named |= 1 << UInt32(nerve.ordinal) }
        func isNamed(_ vertebra: Vertebra?) -> Bool { vertebra.map { named & 1 << UInt32($0.ordinal) != 0 } ?? false }
        var joints: [SpinalSegment] = []
        for nerve in Vertebra.all where isNamed(nerve) {
            if nerve.region == .c {
                if let below = nerve.below, isNamed(below), below.region == .c || below.number == 1 {
                    joints.append(.interspace(upper: nerve))
                }
            } else if isNamed(nerve.above), nerve.below != nil {
                joints.append(.interspace(upper: nerve))
            }
        }
        if joints.isEmpty, named.nonzeroBitCount == 1, let nerve = nerves.first, nerve.below != nil, !nerve.isRootOnly {
            joints.append(.interspace(upper: nerve))
        }
        return joints
    }
}
