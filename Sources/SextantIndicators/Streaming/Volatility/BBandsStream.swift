/// Bollinger bands with an SMA middle, one bar at a time: the streaming twin of `BBands`.
///
/// State: a `StreamVariance`, which gives the window mean and population variance with the batch
/// kernel's arithmetic.
public struct BBandsStream: SeriesStream {
    /// One bar's three bands.
    public struct Output: Sendable, Equatable {
        /// `middle + up·σ`.
        public var upper: Double
        /// The SMA.
        public var middle: Double
        /// `middle − down·σ`.
        public var lower: Double

        /// All three NaN.
        public static let unavailable = Output(upper: .nan, middle: .nan, lower: .nan)
    }

    /// The window length.
    public let length: Int
    /// Standard deviations above the middle.
    public let deviationsUp: Double
    /// Standard deviations below the middle.
    public let deviationsDown: Double
    private var core: StreamVariance

    /// Bands over `length` bars; `length` < 1 gives NaN on every bar.
    public init(length: Int, deviationsUp: Double, deviationsDown: Double) {
        self.length = length
        self.deviationsUp = deviationsUp
        self.deviationsDown = deviationsDown
        core = StreamVariance(length: length)
    }

    /// `BBands.lookback(length:)`.
    public var lookback: Int { BBands.lookback(length: length) }

    /// The bands at this bar; NaN during the warm-up and on NaN input.
    public mutating func update(_ value: Double) -> Output {
        guard !value.isNaN else {
            reset()
            return .unavailable
        }
        guard length >= 1, let window = core.next(value) else { return .unavailable }
        let deviation = Lanes.squareRoot(window.variance)
        return Output(
            upper: window.mean + deviationsUp * deviation, middle: window.mean,
            lower: window.mean - deviationsDown * deviation)
    }

    /// Forgets every bar seen.
    public mutating func reset() { core.reset() }
}
