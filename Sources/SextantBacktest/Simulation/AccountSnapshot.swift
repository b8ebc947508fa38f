import SextantGraph
import SextantLanguage

/// The position and account at a bar's close, as state-stage expressions read them.
struct AccountSnapshot: StateProvider {
    var position = 0.0
    var entryPrice = Double.nan
    var barsInTrade = Double.nan
    var equity = 0.0
    var cash = 0.0
    var openPnl = 0.0
    var dayPnl = 0.0
    var drawdown = 0.0

    func value(of variable: StateVariable) -> Double {
        switch variable {
        case .position: position
        case .entryPrice: entryPrice
        case .barsInTrade: barsInTrade
        case .equity: equity
        case .cash: cash
        case .openPnl: openPnl
        case .dayPnl: dayPnl
        case .drawdown: drawdown
        }
    }
}
