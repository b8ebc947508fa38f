/// What `sextant optimize` searches: a backtest request and the points to try.
public struct OptimizeRequest: Sendable {
    /// The strategy, data, settings and fixed param overrides.
    public var backtest: BacktestRequest
    /// The axes of the grid; empty means every param with a `range:` in the file.
    public var grid: [ParamAxis]
    /// The statistic to maximize, by its JSON key (`sharpe`, `return_pct`, `sqn`…).
    public var maximize: String
    /// Conditions over params every point must meet (`fast < slow`), in the strategy language.
    public var constraints: [String]
    /// Worker threads (default: every core).
    public var jobs: Int
    /// Try this many points drawn at random from the grid instead of all of it.
    public var random: Int?
    /// The seed of the random draw.
    public var seed: UInt64
    /// Walk-forward windows in bars: optimize on `train` bars, test the best point on the next `test`.
    public var walkForward: (train: Int, test: Int)?

    /// Creates a request.
    public init(
        backtest: BacktestRequest, grid: [ParamAxis] = [], maximize: String = "sharpe", constraints: [String] = [],
        jobs: Int = 1, random: Int? = nil, seed: UInt64 = 1, walkForward: (train: Int, test: Int)? = nil
    ) {
        self.backtest = backtest
        self.grid = grid
        self.maximize = maximize
        self.constraints = constraints
        self.jobs = jobs
        self.random = random
        self.seed = seed
        self.walkForward = walkForward
    }
}
