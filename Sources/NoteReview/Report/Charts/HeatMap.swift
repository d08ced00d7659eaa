/// A grid as inline SVG: rows (providers) by columns (flag ids), each cell shaded by a rate from 0
/// to 1 and labelled with it in percent. Cells carry `data-row`, `data-column` and `data-count`.
struct HeatMap {
    struct Cell {
        var count: Int
        var rate: Double
    }

    var rows: [String]
    var columns: [String]
    /// `cells[row][column]`.
    var cells: [[Cell]]
    var cellWidth = 34.0
    var cellHeight = 22.0

    func svg(title: String) -> String {
        guard !rows.isEmpty, !columns.isEmpty else { return "<p class=\"empty\">Nothing to chart.</p>" }
        let labelWidth = Double(rows.map { HTMLText.short($0).count }.max() ?? 0) * 6.6 + 12
        let headerHeight = min(230, Double(columns.map(\.count).max() ?? 0) * 4.9 + 16)
        let width = labelWidth + Double(columns.count) * cellWidth + 90
        let height = headerHeight + Double(rows.count) * cellHeight + 6
        var svg = "<svg class=\"chart heat-map\" role=\"img\" viewBox=\"0 0 \(HTMLText.coordinate(width)) \(HTMLText.coordinate(height))\" "
        svg += "width=\"\(HTMLText.coordinate(width))\" aria-label=\"\(HTMLText.escape(title))\"><title>\(HTMLText.escape(title))</title>"
        for (index, column) in columns.enumerated() {
            let x = labelWidth + (Double(index) + 0.5) * cellWidth
            let y = headerHeight - 6
            svg += "<text class=\"column-label\" transform=\"translate(\(HTMLText.coordinate(x + 4)) \(HTMLText.coordinate(y))) rotate(-45)\">\(HTMLText.escape(column))</text>"
        }
        for (rowIndex, row) in rows.enumerated() {
            let y = headerHeight + Double(rowIndex) * cellHeight
            svg += "<text class=\"label\" x=\"\(HTMLText.coordinate(labelWidth - 8))\" y=\"\(HTMLText.coordinate(y + cellHeight / 2 + 4))\" text-anchor=\"end\">\(HTMLText.escape(HTMLText.short(row)))</text>"
            for (columnIndex, column) in columns.enumerated() {
                let cell = cells[rowIndex][columnIndex]
                let x = labelWidth + Double(columnIndex) * cellWidth
                let percent = HTMLText.fixed(cell.rate * 100, decimals: 0)
                svg += "<g class=\"cell\" data-row=\"\(HTMLText.escape(row))\" data-column=\"\(HTMLText.escape(column))\" data-count=\"\(cell.count)\">"
                svg += "<title>\(HTMLText.escape(row)) · \(HTMLText.escape(column)): \(cell.count) notes (\(percent)%)</title>"
                svg += "<rect x=\"\(HTMLText.coordinate(x + 1))\" y=\"\(HTMLText.coordinate(y + 1))\" width=\"\(HTMLText.coordinate(cellWidth - 2))\" height=\"\(HTMLText.coordinate(cellHeight - 2))\" fill=\"\(Self.shade(cell.rate))\"/>"
                if cell.count > 0 {
                    let ink = cell.rate > 0.55 ? "#fff" : "#1f2937"
                    svg += "<text x=\"\(HTMLText.coordinate(x + cellWidth / 2))\" y=\"\(HTMLText.coordinate(y + cellHeight / 2 + 4))\" text-anchor=\"middle\" fill=\"\(ink)\">\(percent)</text>"
                }
                svg += "</g>"
            }
        }
        let legendX = labelWidth + Double(columns.count) * cellWidth + 16
        svg += "<text class=\"legend\" x=\"\(HTMLText.coordinate(legendX))\" y=\"\(HTMLText.coordinate(headerHeight + 12))\">% of notes</text>"
        for (index, rate) in [0.0, 0.25, 0.5, 0.75, 1.0].enumerated() {
            let y = headerHeight + 20 + Double(index) * 16
            svg += "<rect x=\"\(HTMLText.coordinate(legendX))\" y=\"\(HTMLText.coordinate(y))\" width=\"14\" height=\"12\" fill=\"\(Self.shade(rate))\" stroke=\"#d1d5db\"/>"
            svg += "<text class=\"legend\" x=\"\(HTMLText.coordinate(legendX + 20))\" y=\"\(HTMLText.coordinate(y + 10))\">\(Int(rate * 100))%</text>"
        }
        return svg + "</svg>"
    }

    /// White at 0 to deep red at 1.
    static func shade(_ rate: Double) -> String {
        let t = min(1, max(0, rate))
        let (r, g, b) = (255 - t * (255 - 153), 255 - t * (255 - 27), 255 - t * (255 - 27))
        func hex(_ value: Double) -> String {
            let byte = Int(value.rounded())
            let digits = Array("0123456789abcdef")
            return String([digits[byte / 16], digits[byte % 16]])
        }
        return "#" + hex(r) + hex(g) + hex(b)
    }
}
