/// A horizontal bar chart as inline SVG: one labelled bar per row, its count (and share of a
/// total) written after it. Each bar carries `data-label`/`data-value` and a tooltip `<title>`.
struct BarChart {
    struct Bar {
        var label: String
        var value: Int
        /// A CSS class for the bar's colour (`error`, `warning`, `info`, `neutral`).
        var tone: String
    }

    var bars: [Bar]
    /// When set, each value is also shown as a share of it.
    var total: Int?
    var width = 760.0
    var rowHeight = 22.0

    func svg(title: String) -> String {
        guard !bars.isEmpty else { return "<p class=\"empty\">Nothing to chart.</p>" }
        let longest = bars.map { HTMLText.short($0.label).count }.max() ?? 0
        let labelWidth = Double(longest) * 6.6 + 12
        let valueWidth = 90.0
        let plot = width - labelWidth - valueWidth
        let maximum = Double(bars.map(\.value).max() ?? 1)
        let height = Double(bars.count) * rowHeight + 8
        var svg = "<svg class=\"chart bar-chart\" role=\"img\" viewBox=\"0 0 \(HTMLText.coordinate(width)) \(HTMLText.coordinate(height))\" "
        svg += "width=\"\(HTMLText.coordinate(width))\" aria-label=\"\(HTMLText.escape(title))\">"
        svg += "<title>\(HTMLText.escape(title))</title>"
        for (index, bar) in bars.enumerated() {
            let y = 4 + Double(index) * rowHeight
            let length = maximum > 0 ? max(1, plot * Double(bar.value) / maximum) : 0
            let share = total.map { " (" + HTMLText.percent(bar.value, of: $0) + ")" } ?? ""
            svg += "<g class=\"bar \(bar.tone)\" data-label=\"\(HTMLText.escape(bar.label))\" data-value=\"\(bar.value)\">"
            svg += "<title>\(HTMLText.escape(bar.label)): \(bar.value)\(share)</title>"
            svg += "<text class=\"label\" x=\"\(HTMLText.coordinate(labelWidth - 8))\" y=\"\(HTMLText.coordinate(y + rowHeight / 2 + 4))\" text-anchor=\"end\">\(HTMLText.escape(HTMLText.short(bar.label)))</text>"
            svg += "<rect x=\"\(HTMLText.coordinate(labelWidth))\" y=\"\(HTMLText.coordinate(y + 3))\" width=\"\(HTMLText.coordinate(length))\" height=\"\(HTMLText.coordinate(rowHeight - 6))\" rx=\"2\"/>"
            svg += "<text class=\"value\" x=\"\(HTMLText.coordinate(labelWidth + length + 6))\" y=\"\(HTMLText.coordinate(y + rowHeight / 2 + 4))\">\(bar.value)\(share)</text>"
            svg += "</g>"
        }
        return svg + "</svg>"
    }
}
