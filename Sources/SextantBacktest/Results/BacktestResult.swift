/// Everything a backtest produced: what `--json` writes, what the summary, the trade CSV and the HTML
/// report render. The schema is in `docs/json-formats.md`.
public struct BacktestResult: Sendable {
    /// The strategy's `name:`.
    public var strategy: String
    /// The file it was read from.
    public var file: String
    /// The param values of the run, in declaration order.
    public var params: [(name: String, value: Double)]
    /// The fill and cost model.
    public var settings: BacktestSettings
    /// The statistics.
    public var stats: BacktestStats
    /// Closed trades in exit order.
    public var trades: [TradeRecord]
    /// Trades still open after the last bar (marked at its close; not in the trade statistics).
    public var openTrades: [TradeRecord]
    /// Bar times, seconds since the Unix epoch.
    public var time: [Int64]
    /// Equity after each bar's close.
    public var equity: [Double]
    /// Drawdown from the running equity peak after each bar, as a fraction (0.25 = 25% below the peak).
    /// Derived from `equity` when read (a backtest's statistics do not need it bar by bar, and most
    /// runs, an optimizer's, never read it), unless set: read it once, not per bar.
    public var drawdown: [Double] {
        get { drawdownValues ?? Drawdowns.values(of: equity) }
        set { drawdownValues = newValue }
    }
    private var drawdownValues: [Double]?
    /// Entry orders refused or shrunk, in time order.
    public var rejections: [OrderRejection]
    /// The first bar on which the strategy may act (every indicator valid + 1, as Backtesting.py).
    public var firstDecisionBar: Int
    /// Notes about the run (trades left open, orders cancelled on the last bar…).
    public var warnings: [String]
    /// Seconds spent reading the data.
    public var loadSeconds: Double
    /// Seconds spent computing indicators, signals, the simulation and the statistics.
    public var computeSeconds: Double

    /// Creates a result.
    public init(
        strategy: String, file: String, params: [(name: String, value: Double)], settings: BacktestSettings,
        stats: BacktestStats, trades: [TradeRecord], openTrades: [TradeRecord], time: [Int64], equity: [Double],
        drawdown: [Double]? = nil, rejections: [OrderRejection], firstDecisionBar: Int, warnings: [String],
        loadSeconds: Double = 0, computeSeconds: Double = 0
    ) {
        self.strategy = strategy
        self.file = file
        self.params = params
        self.settings = settings
        self.stats = stats
        self.trades = trades
        self.openTrades = openTrades
        self.time = time
        self.equity = equity
        self.drawdownValues = drawdown
        self.rejections = rejections
        self.firstDecisionBar = firstDecisionBar
        self.warnings = warnings
        self.loadSeconds = loadSeconds
        self.computeSeconds = computeSeconds
    }
}
