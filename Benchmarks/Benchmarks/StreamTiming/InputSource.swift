import IndicatorBenchSupport
import SextantCore

/// Where one input column of a builtin's stream takes its value from, bar by bar.
///
/// The choices follow the brief of `scripts/bench-streams.sh`: series and value arguments read a price
/// column of the synthetic bars, conditions read `close > open` as 1 or 0 (the column convention of
/// `BuiltinKernel`), a value argument with a default is a constant column (the evaluator passes a
/// number as one), and the bar fields an entry reads implicitly are those fields.
enum InputSource: Sendable, Equatable {
    /// A field of the bar.
    case field(BarField)
    /// 1 where the bar closed above its open, otherwise 0.
    case closeAboveOpen
    /// The same number on every bar.
    case constant(Double)

    /// The series that the first, second and third series or value arguments read: close first, then
    /// open (a second series that moves with the first, as in `crosses_above(close, open)`), then high.
    static let seriesOrder: [InputSource] = [.field(.close), .field(.open), .field(.high)]

    /// The input's name in the printed table and the JSON.
    var label: String {
        switch self {
        case .field(let field): field.rawValue
        case .closeAboveOpen: "close>open"
        case .constant(let value): StreamCase.format(value)
        }
    }

    /// The input's value on bar `index` of `bars`.
    func value(at index: Int, in bars: SyntheticBars) -> Double {
        switch self {
        case .field(.open): bars.open[index]
        case .field(.high): bars.high[index]
        case .field(.low): bars.low[index]
        case .field(.close): bars.close[index]
        case .field(.volume): bars.volume[index]
        case .closeAboveOpen: bars.close[index] > bars.open[index] ? 1 : 0
        case .constant(let value): value
        }
    }
}
