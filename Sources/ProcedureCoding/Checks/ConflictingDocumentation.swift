import NoteFacts
import NoteTagging

/// Raises `conflicting-documentation` when the heading and the description disagree on a side or a level (DOC-04).
struct ConflictingDocumentation: DocumentationCheck {
    let id = FlagID.conflictingDocumentation

    func check(_ context: CheckContext) -> [Flag] {
        let procedures = context.procedures(for: id).filter { !$0.fact.conflicts.isEmpty }
        guard !procedures.isEmpty else { return [] }
        let kinds = Set(procedures.flatMap { $0.fact.conflicts.map(\.kind.rawValue) }).sorted().joined(separator: " and ")
        return context.flag(id, for: procedures, evidence: procedures.flatMap { $0.fact.conflicts.flatMap(\.evidence) },
                            detail: kinds.isEmpty ? nil : "The heading and the description name a different \(kinds).")
    }
}
