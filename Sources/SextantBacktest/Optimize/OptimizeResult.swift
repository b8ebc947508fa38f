/// What a search found: every point tried with its statistics, best first, and the walk-forward folds.
public struct OptimizeResult: Sendable {
    /// One point of the search.
    public struct Point: Sendable {
        /// Every param's value at this point, in declaration order.
        public var params: [(name: String, value: Double)]
        /// The run's statistics.
        public var stats: BacktestStats
        /// The maximized statistic (NaN ranks last).
        public var score: Double
    }

    /// One walk-forward fold: the best point on the training window, and its out-of-sample run.
    public struct Fold: Sendable {
        /// Bars `[start, end)` of the training window.
        public var train: Range<Int>
        /// Bars `[start, end)` of the test window.
        public var test: Range<Int>
        /// Time of the first and last bar of each window, ISO-8601.
        public var trainTimes: (String, String)
        /// See `trainTimes`.
        public var testTimes: (String, String)
        /// The best point on the training window (nil when no point could run).
        public var best: Point?
        /// The statistics of that point over the test window only.
        public var testStats: BacktestStats?
    }

    /// The strategy's name.
    public var strategy: String
    /// The maximized statistic's JSON key.
    public var metric: String
    /// The axes searched.
    public var axes: [ParamAxis]
    /// Points tried, best first (the whole data; empty in walk-forward mode).
    public var points: [Point]
    /// Points left out because a constraint was false.
    public var excludedByConstraint: Int
    /// Points left out because the strategy does not check with their values (a length of 0…), with
    /// the first reason.
    public var invalid: Int
    /// The first invalid point's message.
    public var invalidReason: String?
    /// Walk-forward folds (empty unless asked for).
    public var folds: [Fold]
    /// Seconds spent in the search (data loading excluded).
    public var seconds: Double
    /// Seconds spent reading the data.
    public var loadSeconds: Double
}
