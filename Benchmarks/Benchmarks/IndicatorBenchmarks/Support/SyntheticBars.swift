/// Synthetic OHLCV bars from a seeded random walk: the input of every indicator benchmark.
///
/// The generator, per bar `i` (seven draws of `SplitMix64`, in this order, each `u` uniform in [0, 1)):
/// - `z = (u₁ + u₂ + u₃ + u₄ − 2)·√3`: Irwin–Hall, a bell-shaped draw with mean 0 and variance 1,
///   bounded by ±3.47 (no `log`/`cos`, so no dependence on the platform's libm: the series is a pure
///   function of the seed, bit for bit);
/// - `close = prev·(1 + 0.01·z) + 0.001·(100 − prev)`, starting from `prev = 100`: a 1 %-a-bar random walk
///   with a weak pull back to 100. Without the pull a multiplicative walk drifts down by about 0.5·σ²
///   a bar and ten million bars end near 1e−200; with it the ten million closes of the default seed
///   stay within 38…263 (1st–99th percentile 60…167), a realistic range, and never come near the
///   subnormal numbers that many CPUs handle in slow microcode;
/// - `open = prev` (no gaps), `high = max(open, close)·(1 + 0.005·u₅)`,
///   `low = min(open, close)·(1 − 0.005·u₆)`, `volume = 1,000 + 9,000·u₇` rounded to whole units.
///
/// Columns live in buffers allocated once and never resized, so a timed kernel reads memory that is
/// already mapped and warm. The class is immutable after `init`, hence `@unchecked Sendable`.
public final class SyntheticBars: @unchecked Sendable {
    /// The seed every tool uses unless told otherwise (scripts/bench-indicators.sh passes it through).
    public static let defaultSeed: UInt64 = 20_261_125

    /// Number of bars.
    public let count: Int
    /// The seed the series was generated from.
    public let seed: UInt64
    /// Opening prices.
    public let open: UnsafeBufferPointer<Double>
    /// Highest prices.
    public let high: UnsafeBufferPointer<Double>
    /// Lowest prices.
    public let low: UnsafeBufferPointer<Double>
    /// Closing prices.
    public let close: UnsafeBufferPointer<Double>
    /// Volumes.
    public let volume: UnsafeBufferPointer<Double>

    /// Generates `count` bars from `seed`.
    public init(count: Int, seed: UInt64 = SyntheticBars.defaultSeed) {
        precondition(count >= 1, "a series needs at least one bar")
        self.count = count
        self.seed = seed
        let columns = (0..<5).map { _ in UnsafeMutableBufferPointer<Double>.allocate(capacity: count) }
        var random = SplitMix64(seed: seed)
        var previous = 100.0
        let root3 = 3.0.squareRoot()
        for index in 0..<count {
            var sum = 0.0
            for _ in 0..<4 { sum += random.nextUnit() }
            let z = (sum - 2) * root3
            let close = previous * (1 + 0.01 * z) + 0.001 * (100 - previous)
            let open = previous
            columns[0][index] = open
            columns[1][index] = Swift.max(open, close) * (1 + 0.005 * random.nextUnit())
            columns[2][index] = Swift.min(open, close) * (1 - 0.005 * random.nextUnit())
            columns[3][index] = close
            columns[4][index] = (1_000 + 9_000 * random.nextUnit()).rounded()
            previous = close
        }
        open = UnsafeBufferPointer(columns[0])
        high = UnsafeBufferPointer(columns[1])
        low = UnsafeBufferPointer(columns[2])
        close = UnsafeBufferPointer(columns[3])
        volume = UnsafeBufferPointer(columns[4])
    }

    deinit {
        for column in [open, high, low, close, volume] { column.deallocate() }
    }

    /// The five columns in file order: open, high, low, close, volume.
    public var columns: [UnsafeBufferPointer<Double>] { [open, high, low, close, volume] }
}
