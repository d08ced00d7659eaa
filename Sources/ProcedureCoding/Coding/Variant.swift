import NoteFacts
import NoteTagging

/// Which kind of its family a procedure is, as the code table's `variant` column names it.
enum Variant {
    static func of(_ procedure: ProcedureFact, in facts: NoteFacts) -> String? {
        switch procedure.family {
        case .epiduralInterlaminar, .epiduralTransforaminal:
            return facts.otherDrugs.contains { $0.drugClass == .neurolytic } && procedure.family == .epiduralInterlaminar
                ? "neurolytic" : nil
        case .facetJoint, .medialBranchBlock:
            guard procedure.guidance == GuidanceKind.none else { return nil }
            return procedure.levels.count >= 3 ? "3-or-more" : "1-2"
        case .sacroiliacJoint:
            return procedure.target ?? "joint"
        case .nerveBlock:
            // TAP blocks have a bilateral code of their own (64487).
            if procedure.target == "transversus-abdominis", procedure.laterality == .bilateral { return "transversus-abdominis-bilateral" }
            return procedure.target
        case .triggerPoint, .dryNeedling:
            return muscleCount(procedure) >= 3 ? "3-or-more" : "1-2"
        case .acupuncture:
            return procedure.electricalGuidance.contains(.stimulation) ? "electrical" : "manual"
        case .chemodenervation:
            return chemodenervationSite(procedure, facts)
        case .facetRFA, .other:
            return nil
        }
    }

    /// Distinct muscle–side pairs (reference TP-1, Q-11: left and right trapezius are two).
    static func muscleCount(_ procedure: ProcedureFact, where include: (MuscleMention) -> Bool = { _ in true }) -> Int {
        struct Pair: Hashable { let muscle: LexiconName, side: Side? }
        var pairs: Set<Pair> = []
        let muscles = procedure.muscles.filter(include)
        let sided = Set(muscles.filter { $0.side != nil }.map { $0.cue.muscle })
        for muscle in muscles {
            switch muscle.side {
            case .bilateral?: pairs.insert(Pair(muscle: muscle.cue.muscle, side: .left)); pairs.insert(Pair(muscle: muscle.cue.muscle, side: .right))
            case let side?: pairs.insert(Pair(muscle: muscle.cue.muscle, side: side))
            // A muscle named again without its side is the same muscle.
            case nil where !sided.contains(muscle.cue.muscle): pairs.insert(Pair(muscle: muscle.cue.muscle, side: nil))
            case nil: break
            }
        }
        return pairs.count
    }

    /// The chemodenervation site from the indication, then from the muscles (reference 2.8).
    static func chemodenervationSite(_ procedure: ProcedureFact, _ facts: NoteFacts) -> String? {
        let categories = Set(facts.diagnoses.compactMap(\.category))
        if categories.contains(.chronicMigraine) || categories.contains(.migraine) { return "migraine" }
        if categories.contains(.sialorrhea) { return "salivary" }
        if categories.contains(.hyperhidrosis) { return "axillae" }
        let sites = procedure.muscles.map { $0.cue.site }
        if sites.contains(.larynx) { return "larynx" }
        if categories.contains(.dystonia), sites.allSatisfy({ $0 == .neck || $0 == .head || $0 == .upperBack }) || sites.isEmpty {
            return sites.contains(.head) && !sites.contains(.neck) ? "facial" : "cervical-dystonia"
        }
        let limbMuscles = Dictionary(grouping: procedure.muscles.filter { $0.cue.site.isLimb }) { extremity($0, procedure) }
        if !limbMuscles.isEmpty {
            let most = limbMuscles.values.map { Set($0.map { $0.cue.muscle }).count }.max() ?? 0
            return most >= 5 ? "limb-5-or-more" : "limb-1-4"
        }
        let trunk = muscleCount(procedure) { $0.cue.site.isTrunk }
        if trunk > 0 { return trunk >= 6 ? "trunk-6-or-more" : "trunk-1-5" }
        if sites.contains(.neck) { return "cervical-dystonia" }
        if sites.contains(.head) { return "facial" }
        if categories.contains(.spasticity) { return "limb-1-4" }
        return nil
    }

    /// "right upper-limb", "left lower-limb": one extremity.
    static func extremity(_ muscle: MuscleMention, _ procedure: ProcedureFact) -> String {
        let side = muscle.side ?? procedure.laterality ?? .right
        return "\(side.rawValue) \(muscle.cue.site.rawValue)"
    }

    /// The number of extremities treated (chemodenervation add-ons count the ones after the first).
    static func extremityCount(_ procedure: ProcedureFact) -> Int {
        Set(procedure.muscles.filter { $0.cue.site.isLimb }.map { extremity($0, procedure) }).count
    }
}
