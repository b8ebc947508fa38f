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

    /// The strategy file the host runs.
    public var path: String?
    /// The bytes of the running version (what a reload compares a saved file with).
    public var source: [UInt8] = []
    /// The host's paper account (`strategy/symbol`), made once: it keys the venue's table every bar.
    public let account: String

    /// Retired hosts (their file was deleted) take no new entries; their exits and stops still run.
    public var retired = false

    /// A host running `session` (a new version taking over, after a hot reload).
    public init(session: LiveStrategy, symbol: String, version: String, path: String?) {
        name = session.strategy.document.name.value
        account = PaperAdapter.account(strategy: name, symbol: symbol)
        self.symbol = symbol
        self.version = version
        self.session = session
        self.path = path
    }

    /// A host for `strategy` on `symbol`.
    public init(
        _ strategy: CheckedStrategy, symbol: String, version: String, params: [String: Double] = [:],
        settings: BacktestSettings
    ) {
        name = strategy.document.name.value
        account = PaperAdapter.account(strategy: name, symbol: symbol)
        self.symbol = symbol
        self.version = version
        session = LiveStrategy(strategy, params: params, settings: settings)
    }
}
