import SextantGraph
import SextantLanguage

/// The account-wide state a risk file's expressions read (`drawdown > 10%`, `150% of equity`): the sum
/// of every strategy's book, with its own running peak and day start.
struct RiskAccount: StateProvider {
    var equity = 0.0
    var cash = 0.0
    var openPnl = 0.0
    var dayPnl = 0.0
    var drawdown = 0.0
    var position = 0.0

    func value(of variable: StateVariable) -> Double {
        switch variable {
        case .equity: equity
        case .cash: cash
        case .openPnl: openPnl
        case .dayPnl: dayPnl
        case .drawdown: drawdown
        case .position: position
        case .entryPrice, .barsInTrade: .nan
        }
    }
}
