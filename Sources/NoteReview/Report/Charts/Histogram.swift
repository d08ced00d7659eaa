/// A vertical bar histogram as inline SVG over whole-number bins (pain change in points): bins
/// below zero (improvement) green, zero grey, above zero red. Each bin carries `data-bin`/`data-value`.
struct Histogram {
    /// Notes per bin; bins between the smallest and largest (and zero) are drawn, empty or not.
    var counts: [Int: Int]
    var width = 760.0
    var plotHeight = 160.0

    func svg(title: String, axisLabel: String) -> String {
        guard let low = counts.keys.min(), let high = counts.keys.max() else {
            return "<p class=\"empty\">No note documents both a pre- and a post-procedure pain score.</p>"
        }
        let bins = Array(min(low, 0)...max(high, 0))
        let left = 40.0, top = 14.0
        let binWidth = min(48, (width - left - 10) / Double(bins.count))
        let maximum = Double(counts.values.max() ?? 1)
        let height = top + plotHeight + 44
        var svg = "<svg class=\"chart histogram\" role=\"img\" viewBox=\"0 0 \(HTMLText.coordinate(width)) \(HTMLText.coordinate(height))\" "
        svg += "width=\"\(HTMLText.coordinate(width))\" aria-label=\"\(HTMLText.escape(title))\"><title>\(HTMLText.escape(title))</title>"
        svg += "<line class=\"axis\" x1=\"\(HTMLText.coordinate(left))\" y1=\"\(HTMLText.coordinate(top + plotHeight))\" x2=\"\(HTMLText.coordinate(left + binWidth * Double(bins.count)))\" y2=\"\(HTMLText.coordinate(top + plotHeight))\"/>"
        svg += "<text class=\"legend\" x=\"\(HTMLText.coordinate(left - 6))\" y=\"\(HTMLText.coordinate(top + 4))\" text-anchor=\"end\">\(Int(maximum))</text>"
        svg += "<text class=\"legend\" x=\"\(HTMLText.coordinate(left - 6))\" y=\"\(HTMLText.coordinate(top + plotHeight))\" text-anchor=\"end\">0</text>"
        for (index, bin) in bins.enumerated() {
            let count = counts[bin] ?? 0
            let x = left + Double(index) * binWidth
            let barHeight = maximum > 0 ? plotHeight * Double(count) / maximum : 0
            let tone = bin < 0 ? "better" : bin == 0 ? "neutral" : "worse"
            let name = bin > 0 ? "+\(bin)" : "\(bin)"
            svg += "<g class=\"bin \(tone)\" data-bin=\"\(bin)\" data-value=\"\(count)\"><title>\(name) points: \(count) notes</title>"
            if count > 0 {
                svg += "<rect x=\"\(HTMLText.coordinate(x + 2))\" y=\"\(HTMLText.coordinate(top + plotHeight - barHeight))\" width=\"\(HTMLText.coordinate(binWidth - 4))\" height=\"\(HTMLText.coordinate(barHeight))\"/>"
                svg += "<text class=\"value\" x=\"\(HTMLText.coordinate(x + binWidth / 2))\" y=\"\(HTMLText.coordinate(top + plotHeight - barHeight - 3))\" text-anchor=\"middle\">\(count)</text>"
            }
            svg += "<text class=\"label\" x=\"\(HTMLText.coordinate(x + binWidth / 2))\" y=\"\(HTMLText.coordinate(top + plotHeight + 14))\" text-anchor=\"middle\">\(name)</text></g>"
        }
        svg += "<text class=\"legend\" x=\"\(HTMLText.coordinate(left + binWidth * Double(bins.count) / 2))\" y=\"\(HTMLText.coordinate(top + plotHeight + 36))\" text-anchor=\"middle\">\(HTMLText.escape(axisLabel))</text>"
        return svg + "</svg>"
    }
}
