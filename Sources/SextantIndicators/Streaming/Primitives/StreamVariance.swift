/// Rolling mean and population variance, bar by bar: the streaming form of `RollingVariance`, shared
/// by `VarianceStream`, `StdDevStream` and `BBandsStream`.
///
/// State: the window in a ring, the shifted running sums (`S = Σ(x − s)`, `Q = Σ(x − s)²`), the shift
/// `s` and the countdown to the next scheduled rebuild. It replays `RollingVariance`'s recurrence
/// operation for operation: the same shift (the run's first value, then the window mean at each
/// rebuild), the same update (`S += d − e`, `Q += (d − e)·(d + e)` with `d` and `e` the deviations of
/// the entering and the leaving value), the same rebuild tests (cancellation, an outlier leaving, or
/// every `32·length` windows) and the same summation order over the window (oldest first), so every
/// output has the batch's bit pattern; the batch computes two bars per step in `SIMD2` lanes, each
/// lane the scalar expression. A rebuild is O(length) and happens at most once every few bars only
/// when the data forces it; otherwise a bar is O(1).
struct StreamVariance: Sendable {
    /// The window length (≥ 1).
    let length: Int
    private let scale: Double
    private var window: StreamRing
    private var index = 0
    private var shift = 0.0
    private var sum = 0.0
    private var squares = 0.0
    private var untilReseed: Int

    /// Mean and variance over windows of `length` bars (at least 1).
    init(length: Int) {
        self.length = Swift.max(length, 1)
        scale = 1 / Double(self.length)
        window = StreamRing(capacity: self.length)
        untilReseed = 32 * self.length
    }

    /// Takes the next value; returns the window's mean and variance, or nil during the warm-up.
    @inline(__always)
    mutating func next(_ value: Double) -> (mean: Double, variance: Double)? {
        // The value pushed `length` pushes ago: the one leaving the window once it is full.
        let old = window.push(value)
        var leavingSquare = 0.0
        if index < length {
            if index == 0 { shift = value }
            let deviation = value - shift
            sum += deviation
            squares += deviation * deviation
            index += 1
            guard index == length else { return nil }
        } else {
            let entering = value - shift
            let leaving = old - shift
            let change = entering - leaving
            sum += change
            squares += change * (entering + leaving)
            leavingSquare = leaving * leaving
        }
        var average = sum * scale
        let meanSquare = squares * scale
        var variance = meanSquare - average * average
        untilReseed -= 1
        if variance < 1e-6 * meanSquare || leavingSquare > 1e6 * squares || untilReseed <= 0 {
            untilReseed = 32 * length
            var total = 0.0
            window.forEachOldestFirst(length) { total += $0 }
            shift = total * scale
            sum = 0
            squares = 0
            window.forEachOldestFirst(length) { value in
                let fresh = value - shift
                sum += fresh
                squares += fresh * fresh
            }
            average = sum * scale
            variance = squares * scale - average * average
            if variance < 1e-12 * (squares * scale) { variance = 0 }
        }
        return (shift + average, variance)
    }

    /// Forgets every bar seen.
    mutating func reset() {
        window.reset()
        index = 0
        shift = 0
        sum = 0
        squares = 0
        untilReseed = 32 * length
    }
}
