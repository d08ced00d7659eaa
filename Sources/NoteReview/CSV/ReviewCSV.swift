import NotePipeline
import ProcedureCoding

/// The review's spreadsheets: one row per note (written while the results stream past) and one
/// row per provider × flag (written at the end, from the tally).
enum ReviewCSV {
    static let noteHeader = "id,status,provider,service_date,patient_key,families,codes,errors,warnings,infos,flags,fully_supported,pain_before,pain_after,error_kind\n"

    static func noteRow(_ note: ReviewedNote) -> String {
        switch note {
        case .unreadable(let id, let kind):
            return CSVRow.row([id, "unreadable", "", "", "", "", "", "", "", "", "", "", "", "", kind])
        case .coded(let note):
            let flags = ReviewTally.distinctFlags(note)
            func count(_ severity: String) -> String { String(note.flags.count { $0.severity.rawValue == severity }) }
            return CSVRow.row([
                note.id, "coded", note.provider ?? "", note.serviceDate ?? "", note.patientKey ?? "",
                note.families.joined(separator: "; "), note.codes.map(\.plainLabel).joined(separator: "; "),
                count("error"), count("warning"), count("info"), flags.map(\.id).joined(separator: "; "),
                note.isFullySupported ? "yes" : "no",
                note.painBefore.map { HTMLText.fixed($0, decimals: 1) } ?? "", note.painAfter.map { HTMLText.fixed($0, decimals: 1) } ?? "", "",
            ])
        }
    }

    static let providerHeader = "provider,flag,severity,provider_notes,notes_with_flag,rate\n"

    /// Every provider against every flag raised in the run (zeros included, so rates compare), after
    /// the same rows for all providers together. Rates are fractions with four decimals.
    static func providerRows(_ tally: ReviewTally) -> String {
        var out = ""
        for id in tally.flagIDsByFrequency {
            let count = tally.notesByFlag[id] ?? 0
            out += CSVRow.row(["(all providers)", id, tally.severityByFlag[id]?.rawValue ?? "", String(tally.codedNotes), String(count),
                               HTMLText.fixed(tally.codedNotes == 0 ? 0 : Double(count) / Double(tally.codedNotes), decimals: 4)])
        }
        for provider in tally.providersByNotes {
            for id in tally.flagIDsByFrequency {
                out += CSVRow.row([provider.name ?? "(no provider documented)", id, tally.severityByFlag[id]?.rawValue ?? "",
                                   String(provider.notes), String(provider.notesByFlag[id] ?? 0), HTMLText.fixed(provider.rate(id), decimals: 4)])
            }
        }
        return out
    }

    /// `summary.csv` → `summary-notes.csv`: where the per-note table goes beside the summary.
    static func notesPath(beside path: String) -> String {
        path.lowercased().hasSuffix(".csv") ? String(path.dropLast(4)) + "-notes.csv" : path + "-notes.csv"
    }
}
