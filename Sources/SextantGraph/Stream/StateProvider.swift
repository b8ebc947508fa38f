public import SextantLanguage

/// Supplies position and account values to the stream evaluator, bar by bar. The backtester and the
/// engine each implement it over their own books; one interface, so both drive the same graph.
public protocol StateProvider {
    /// The current value of a state variable (NaN where it has none, e.g. `entry_price` when flat).
    func value(of variable: StateVariable) -> Double
}

/// A provider with no position and fixed account values, for evaluating graphs outside a simulation.
public struct FlatState: StateProvider, Sendable {
    /// The equity (and cash) to report.
    public var equity: Double

    /// Creates a provider.
    public init(equity: Double = 0) {
        self.equity = equity
    }

    public func value(of variable: StateVariable) -> Double {
        switch variable {
        case .position, .openPnl, .dayPnl, .drawdown: 0
        case .entryPrice, .barsInTrade: .nan
        case .equity, .cash: equity
        }
    }
}
