import NoteFacts
import NoteTagging

/// Raises `missing-needle-views` when fewer than two views of the final needle position for an image-guided spinal injection; transforaminal, facet and RFA codes include imaging, so they are checked even when the note does not name it (section 10); never under ultrasound.
struct MissingNeedleViews: DocumentationCheck {
    let id = FlagID.missingNeedleViews

    func check(_ context: CheckContext) -> [Flag] {
        guard context.facts.contrast.needleViews < 2 else { return [] }
        let procedures = context.procedures(for: id).filter { procedure in
            let family = procedure.fact.family
            if procedure.fact.guidance.isFluoroscopyOrCT { return true }
            return procedure.fact.guidance == nil && [.epiduralTransforaminal, .facetJoint, .medialBranchBlock, .facetRFA].contains(family)
        }
        return context.flag(id, for: procedures, evidence: context.facts.contrast.viewEvidence)
    }
}
