import ProcedureCoding

/// The documentation-quality report as one self-contained HTML page: inline CSS and SVG, no
/// script, no font or image from anywhere. Every number is computed from the tally; the page
/// never shows a patient identifier (only the notes' ids, providers, dates and codes, and
/// excerpts with identifiers removed).
struct ReviewPage {
    var tally: ReviewTally
    var worklist: Worklist
    /// Excerpts and source files of the worklist notes, when the notes were given.
    var found: [String: NoteExcerpts.Found]
    /// Where the results came from, shown in the heading (a file name).
    var source: String
    /// The folder the report is written to, for links to note files relative to it.
    var reportDirectory: String?
    /// The flags' messages, for the legend.
    var flagMessages: [String: String]
    /// Providers drawn as rows of the heat map; the rest share one row.
    var heatMapRows = 15

    func html() -> String {
        var html = "<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
        html += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
        html += "<title>Documentation review — \(HTMLText.escape(source))</title>"
        html += "<style>\(String(decoding: PackageResources.review_css, as: UTF8.self))</style></head><body>"
        html += "<header><h1>Documentation review</h1><p class=\"source\">\(HTMLText.escape(source)) · \(tally.notes) notes · "
        html += "\(tally.providers.count) providers</p></header><main>"
        html += headline()
        html += section("flags", "Flag frequency", "Notes raising each flag (a note counts once per flag), as a share of the \(tally.codedNotes) notes that could be read.",
                        flagChart())
        html += section("providers-heat", "Flags by provider", heatMapCaption(), heatMap())
        html += "<div class=\"two-up\">"
        html += section("procedures", "Procedure mix", "Procedures documented, by contract family (a note can hold several).", familyChart())
        html += section("pain", "Pain-score change", painCaption(), painChart())
        html += "</div>"
        html += section("provider-table", "Providers", "Most notes first. Rates are shares of the provider's notes; the commonest gap is the flag raised on most of them.",
                        providerTable())
        html += section("worklist", "Worklist: notes to review first", worklistCaption(), worklistTable())
        html += section("legend", "What the flags mean", "", legend())
        html += "</main><footer>Made by <code>needlepoint review</code> from the batch's results. "
        html += "Patients appear only as keys (salted hashes) in the CSV; names, record numbers and dates of birth are removed from excerpts.</footer>"
        return html + "</body></html>\n"
    }

    // MARK: Sections

    private func section(_ id: String, _ title: String, _ caption: String, _ body: String) -> String {
        var html = "<section id=\"\(id)\"><h2>\(HTMLText.escape(title))</h2>"
        if !caption.isEmpty { html += "<p class=\"caption\">\(HTMLText.escape(caption))</p>" }
        return html + body + "</section>"
    }

    private func headline() -> String {
        func figure(_ key: String, _ value: String, _ label: String, _ detail: String, tone: String = "") -> String {
            "<div class=\"figure \(tone)\" data-figure=\"\(key)\"><span class=\"value\">\(value)</span>"
                + "<span class=\"label\">\(HTMLText.escape(label))</span><span class=\"detail\">\(HTMLText.escape(detail))</span></div>"
        }
        var html = "<section id=\"headline\" class=\"figures\">"
        html += figure("notes", String(tally.notes), "notes", "\(tally.codedNotes) read and coded")
        html += figure("notes-with-gaps", String(tally.notesWithGaps), "notes with an error or warning flag",
                       HTMLText.percent(tally.notesWithGaps, of: tally.codedNotes, decimals: 1) + " of the notes read", tone: "warning")
        html += figure("fully-supported", HTMLText.percent(tally.fullySupported, of: tally.notesWithCodes, decimals: 1),
                       "of coded notes fully supported", "\(tally.fullySupported) of \(tally.notesWithCodes) notes with codes have no error or warning flag",
                       tone: "good")
        html += figure("unreadable", String(tally.unreadable), "notes could not be read", "error records: empty, binary, invalid or unsafe input",
                       tone: tally.unreadable > 0 ? "error" : "")
        return html + "</section>"
    }

    private func flagChart() -> String {
        let bars = tally.flagIDsByFrequency.map { id in
            BarChart.Bar(label: id, value: tally.notesByFlag[id] ?? 0, tone: tally.severityByFlag[id]?.rawValue ?? "warning")
        }
        return BarChart(bars: bars, total: tally.codedNotes).svg(title: "Notes raising each flag")
            + "<p class=\"key\"><span class=\"swatch error\"></span>error <span class=\"swatch warning\"></span>warning <span class=\"swatch info\"></span>info</p>"
    }

    private var heatMapProviders: (shown: [ProviderTally], rest: [ProviderTally]) {
        let providers = tally.providersByNotes
        guard providers.count > heatMapRows else { return (providers, []) }
        return (Array(providers.prefix(heatMapRows - 1)), Array(providers.dropFirst(heatMapRows - 1)))
    }

    private func heatMapCaption() -> String {
        let (shown, rest) = heatMapProviders
        var caption = "Share of each provider's notes raising each flag."
        if !rest.isEmpty { caption += " The \(shown.count) providers with the most notes; the other \(rest.count) share the last row." }
        return caption
    }

    private func heatMap() -> String {
        let columns = tally.flagIDsByFrequency
        let (shown, rest) = heatMapProviders
        var rows = shown.map { providerName($0) }
        var cells = shown.map { provider in
            columns.map { HeatMap.Cell(count: provider.notesByFlag[$0] ?? 0, rate: provider.rate($0)) }
        }
        if !rest.isEmpty {
            let notes = rest.reduce(0) { $0 + $1.notes }
            rows.append("\(rest.count) other providers (\(notes) notes)")
            cells.append(columns.map { id in
                let count = rest.reduce(0) { $0 + ($1.notesByFlag[id] ?? 0) }
                return HeatMap.Cell(count: count, rate: notes == 0 ? 0 : Double(count) / Double(notes))
            })
        }
        return "<div class=\"scroll\">" + HeatMap(rows: rows, columns: columns, cells: cells).svg(title: "Flags by provider") + "</div>"
    }

    private func familyChart() -> String {
        let total = tally.proceduresByFamily.values.reduce(0, +)
        let bars = tally.proceduresByFamily.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }
            .map { BarChart.Bar(label: $0.key, value: $0.value, tone: "neutral") }
        return BarChart(bars: bars, total: total, width: 520).svg(title: "Procedures by family")
    }

    private func painCaption() -> String {
        let notes = tally.notesByPainChange.values.reduce(0, +)
        let better = tally.notesByPainChange.filter { $0.key < 0 }.values.reduce(0, +)
        return "Post- minus pre-procedure score in points, for the \(notes) notes that document both; "
            + "\(better) (\(HTMLText.percent(better, of: notes))) report less pain afterwards."
    }

    private func painChart() -> String {
        Histogram(counts: tally.notesByPainChange, width: 520).svg(title: "Pain-score change", axisLabel: "change in pain score (points, negative = better)")
    }

    private func providerTable() -> String {
        var html = "<table class=\"providers\"><thead><tr><th>Provider</th><th class=\"number\">Notes</th>"
        html += "<th class=\"number\">With gaps</th><th class=\"number\">Fully supported</th><th>Commonest gap</th><th>Flag rates</th></tr></thead><tbody>"
        for provider in tally.providersByNotes {
            let gap = provider.commonestGap
            let rates = provider.notesByFlag.sorted { $0.value != $1.value ? $0.value > $1.value : ReviewTally.contractOrder($0.key, $1.key) }
            html += "<tr data-provider=\"\(HTMLText.escape(providerName(provider)))\"><td>\(HTMLText.escape(providerName(provider)))</td>"
            html += "<td class=\"number\">\(provider.notes)</td>"
            html += "<td class=\"number\">\(provider.notesWithGaps) <small>(\(HTMLText.percent(provider.notesWithGaps, of: provider.notes)))</small></td>"
            html += "<td class=\"number\">\(provider.fullySupported) <small>(\(HTMLText.percent(provider.fullySupported, of: provider.notes)))</small></td>"
            html += "<td>" + (gap.map { "<span class=\"flag \(severity($0.id))\">\(HTMLText.escape($0.id))</span> <small>\($0.notes) of \(provider.notes)</small>" } ?? "—") + "</td>"
            html += "<td class=\"rates\">" + rates.map { rate in
                "<span class=\"rate\" data-flag=\"\(HTMLText.escape(rate.key))\" data-count=\"\(rate.value)\">\(HTMLText.escape(rate.key)) \(HTMLText.percent(rate.value, of: provider.notes))</span>"
            }.joined(separator: " ") + "</td></tr>"
        }
        return html + "</tbody></table>"
    }

    private func worklistCaption() -> String {
        let shown = worklist.notes.count
        var caption = "Notes with an error flag first, then warnings only; most flags first. "
        caption += shown < worklist.candidates ? "The first \(shown) of \(worklist.candidates) notes with gaps." : "All \(shown) notes with gaps."
        if found.isEmpty { caption += " Run with --notes to see an excerpt of each note." }
        return caption
    }

    private func worklistTable() -> String {
        guard !worklist.notes.isEmpty else { return "<p class=\"empty\">No note has an error or warning flag.</p>" }
        var html = "<table class=\"worklist\"><thead><tr><th>#</th><th>Note</th><th>Codes</th><th>Flags</th></tr></thead><tbody>"
        for (index, note) in worklist.notes.enumerated() {
            let entry = found[note.id]
            var idCell = "<code>\(HTMLText.escape(note.id))</code>"
            if let path = entry?.path, let link = relativeLink(to: path) {
                idCell = "<a href=\"\(HTMLText.escape(link))\">\(idCell)</a>"
            }
            let about = [note.provider, note.serviceDate].compactMap { $0 }.map(HTMLText.escape).joined(separator: " · ")
            html += "<tr id=\"worklist-\(index + 1)\" data-note=\"\(HTMLText.escape(note.id))\"><td class=\"number\">\(index + 1)</td>"
            html += "<td>\(idCell)<div class=\"about\">\(about)</div>"
            if let excerpt = entry?.excerpt { html += "<blockquote class=\"excerpt\">\(render(excerpt))</blockquote>" }
            html += "</td><td class=\"codes\">" + (note.codes.isEmpty ? "—" : note.codes.map { "<code>\(HTMLText.escape($0.label))</code>" }.joined(separator: "<br>")) + "</td>"
            html += "<td class=\"flags\">" + ReviewTally.distinctFlags(note).map { flag in
                "<span class=\"flag \(flag.severity.rawValue)\">\(HTMLText.escape(flag.id))</span>"
            }.joined(separator: " ") + "</td></tr>"
        }
        return html + "</tbody></table>"
    }

    private func legend() -> String {
        let ids = tally.flagIDsByFrequency
        guard !ids.isEmpty else { return "<p class=\"empty\">No flags were raised.</p>" }
        return "<dl class=\"legend\">" + ids.map { id in
            "<dt><span class=\"flag \(severity(id))\">\(HTMLText.escape(id))</span></dt><dd>\(HTMLText.escape(flagMessages[id] ?? "(a flag this version does not describe)"))</dd>"
        }.joined() + "</dl>"
    }

    // MARK: Pieces

    private func render(_ excerpt: Excerpt) -> String {
        var html = excerpt.clippedBefore ? "…" : ""
        for part in excerpt.parts {
            switch part {
            case .text(let text): html += HTMLText.escape(text)
            case .evidence(let text): html += "<mark>\(HTMLText.escape(text))</mark>"
            case .redacted: html += "<span class=\"redacted\" title=\"patient identifier removed\">[removed]</span>"
            }
        }
        return html + (excerpt.clippedAfter ? "…" : "")
    }

    private func providerName(_ provider: ProviderTally) -> String { provider.name ?? "(no provider documented)" }

    private func severity(_ id: String) -> String { tally.severityByFlag[id]?.rawValue ?? "warning" }

    /// A link from the report's folder to a note file (a relative path, so report and notes can
    /// move together). Both paths are absolute and normalized by the caller.
    private func relativeLink(to path: String) -> String? {
        guard let reportDirectory, !path.lowercased().hasSuffix(".jsonl") else { return nil }
        let from = reportDirectory.split(separator: "/"), to = path.split(separator: "/")
        var common = 0
        while common < min(from.count, to.count - 1), from[common] == to[common] { common += 1 }
        let ups = Array(repeating: "..", count: from.count - common)
        return (ups + to[common...].map { Self.percentEncoded($0) }).joined(separator: "/")
    }

    /// A path component for a URL: unreserved ASCII kept, every other byte as `%XX`.
    static func percentEncoded(_ component: Substring) -> String {
        let hex = Array("0123456789ABCDEF")
        var out = ""
        for byte in component.utf8 {
            let unreserved = (byte >= 0x30 && byte <= 0x39) || (byte | 0x20 >= 0x61 && byte | 0x20 <= 0x7A) || "-_.~".utf8.contains(byte)
            if unreserved { out.append(Character(Unicode.Scalar(byte))) } else { out += "%" + String(hex[Int(byte >> 4)]) + String(hex[Int(byte & 15)]) }
        }
        return out
    }
}
