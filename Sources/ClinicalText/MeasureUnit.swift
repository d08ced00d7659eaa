/// A canonical unit of measure: the `unit` column of `Lexicons/text/units.tsv` (checked when the
/// table loads), and the percent sign the tokenizer reads itself. An enum, not a string, so that a
/// ``Quantity`` holds no references and a ``Token`` copies cheaply.
public enum MeasureUnit: String, Sendable, CaseIterable, CaseHashable, BitwiseCopyable {
    case mg, mcg, g, units, mL
    case min, h, d, wk, mo, y
    case gauge
    case percent = "%"
}
