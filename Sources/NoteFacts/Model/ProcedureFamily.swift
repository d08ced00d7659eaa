public import ClinicalText

/// The contract's procedure families.
public enum ProcedureFamily: String, Sendable, CaseIterable, CaseHashable, Comparable {
    case epiduralInterlaminar = "epidural-interlaminar"
    case epiduralTransforaminal = "epidural-transforaminal"
    case facetJoint = "facet-joint"
    case medialBranchBlock = "medial-branch-block"
    case facetRFA = "facet-rfa"
    case sacroiliacJoint = "sacroiliac-joint"
    case nerveBlock = "nerve-block"
    case triggerPoint = "trigger-point"
    case acupuncture
    case dryNeedling = "dry-needling"
    case chemodenervation
    case other

    public static func < (lhs: ProcedureFamily, rhs: ProcedureFamily) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }

    /// Families whose levels are spinal segments.
    public var isSpinal: Bool {
        [.epiduralInterlaminar, .epiduralTransforaminal, .facetJoint, .medialBranchBlock, .facetRFA].contains(self)
    }

    /// Families whose codes depend on image guidance, or that are usually image-guided.
    public var usesImaging: Bool { isSpinal || self == .sacroiliacJoint || self == .nerveBlock }
}

/// The contract's spinal regions.
public enum Region: String, Sendable, CaseIterable, CaseHashable {
    case cervicalThoracic = "cervical-thoracic"
    case lumbarSacral = "lumbar-sacral"
}
