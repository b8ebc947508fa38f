public import SextantCore
public import SextantLanguage

/// What `sextant backtest` (and `optimize`) run: a strategy file over bar files.
public struct BacktestRequest: Sendable {
    /// The strategy file.
    public var strategyPath: String
    /// Bar files: one without an alias for a single-symbol strategy, or one per alias the strategy
    /// declares (`--data a=KO.csv --data b=PEP.csv`); the first declared alias is the one traded.
    public var data: [(alias: String?, path: String)]
    /// Param overrides (`--param fast=5`); every name must be a param of the strategy.
    public var params: [String: Double]
    /// Cash, costs and slippage; `fill`, `direction` and `pyramiding` are replaced by the strategy's
    /// `orders:` section unless set in `orderOverrides`.
    public var settings: BacktestSettings
    /// Bars already loaded for some of `data`'s entries, keyed by the entry's path as given: the
    /// command line reads `postgres:SYMBOL@TIMEFRAME` entries from the store before the (synchronous)
    /// run, and every other entry is read as a CSV file.
    public var preloadedBars: [String: BarSeries] = [:]
    /// Command-line overrides of the strategy's `orders:` section.
    public var fill: OrdersSection.Fill?
    /// See `fill`.
    public var direction: OrdersSection.Direction?
    /// See `fill`.
    public var pyramiding: Int?

    /// Creates a request.
    public init(
        strategyPath: String, data: [(alias: String?, path: String)], params: [String: Double] = [:],
        settings: BacktestSettings = BacktestSettings(), fill: OrdersSection.Fill? = nil,
        direction: OrdersSection.Direction? = nil, pyramiding: Int? = nil
    ) {
        self.strategyPath = strategyPath
        self.data = data
        self.params = params
        self.settings = settings
        self.fill = fill
        self.direction = direction
        self.pyramiding = pyramiding
    }

    /// The settings of the run: the request's, with the strategy's `orders:` and then the overrides.
    public func settings(for strategy: CheckedStrategy) -> BacktestSettings {
        var settings = self.settings
        let orders = strategy.document.orders
        settings.fill = fill ?? orders.fill
        settings.direction = direction ?? orders.direction
        settings.pyramiding = max(1, pyramiding ?? orders.pyramiding)
        return settings
    }
}
