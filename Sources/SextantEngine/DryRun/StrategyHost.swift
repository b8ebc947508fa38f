public import SextantBacktest
public import SextantLanguage

/// One strategy trading one symbol inside the engine: its live session, its version, and what the
/// engine has reported of its book so far (to turn book changes into `fill` events).
public final class StrategyHost {
    /// The strategy's name.
    public let name: String
    /// The traded symbol.
    public let symbol: String
    /// A hash of the strategy file's bytes: the version orders and the store refer to.
    public let version: String
    /// The live session.
    public let session: LiveStrategy
    var reportedClosed = 0
    var reportedOpen: [TradeRecord] = []

    /// A host for `strategy` on `symbol`.
    public init(
        _ strategy: CheckedStrategy, symbol: String, version: String, params: [String: Double] = [:],
        settings: BacktestSettings
    ) {
        name = strategy.document.name.value
        self.symbol = symbol
        self.version = version
        session = LiveStrategy(strategy, params: params, settings: settings)
    }
}
