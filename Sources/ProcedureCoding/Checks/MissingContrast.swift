import NoteFacts
import NoteTagging

/// Raises `missing-contrast` when a fluoroscopy- or CT-guided injection documents no contrast and no reason it was withheld.
struct MissingContrast: DocumentationCheck {
    let id = FlagID.missingContrast

    func check(_ context: CheckContext) -> [Flag] {
        let contrast = context.facts.contrast
        guard !contrast.documented, !contrast.withheld else { return [] }
        return context.flag(id, for: context.procedures(for: id).filter { $0.fact.guidance.isFluoroscopyOrCT })
    }
}
