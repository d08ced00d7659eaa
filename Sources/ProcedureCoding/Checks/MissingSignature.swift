import NoteFacts
import NoteTagging

/// Raises `missing-signature` when no signature or attestation is documented.
struct MissingSignature: DocumentationCheck {
    let id = FlagID.missingSignature

    func check(_ context: CheckContext) -> [Flag] {
        guard context.facts.documentation.signature.isEmpty else { return [] }
        return context.flag(id, for: context.procedures(for: id))
    }
}
