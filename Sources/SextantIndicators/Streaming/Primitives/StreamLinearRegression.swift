/// The least-squares line through the last `length` values, bar by bar: the streaming form of
/// `LinearRegression`, shared by `LinearRegStream`, `LinearRegSlopeStream` and `TSFStream`.
///
/// State: the window in a ring. Like the batch kernel (and TA-Lib), each bar sums the window afresh on
/// deviations from the newest value, so a bar costs O(length) — bounded by the fixed window, with no
/// running sum that could drift — and every output has the batch's bit pattern.
struct StreamLinearRegression: Sendable {
    /// The window length (≥ 1).
    let length: Int
    private let output: LinearRegression.Output
    private let sumK: Double
    private let divisor: Double
    private var window: StreamRing
    private var index = 0

    /// The line's `output` over windows of `length` bars (at least 1).
    init(length: Int, output: LinearRegression.Output) {
        self.length = Swift.max(length, 1)
        self.output = output
        let n = Double(self.length)
        sumK = n * (n - 1) * 0.5
        let sumKSquared = n * (n - 1) * (2 * n - 1) / 6
        divisor = sumK * sumK - n * sumKSquared
        window = StreamRing(capacity: self.length)
    }

    /// Takes the next value; returns the output for the window ending here, or nil during the warm-up.
    @inline(__always)
    mutating func next(_ value: Double) -> Double? {
        if length == 1 { return output == .slope ? 0 : value }
        window.push(value)
        let first = length - 1
        guard index >= first else {
            index += 1
            return nil
        }
        let n = Double(length)
        var sumKX = 0.0
        var sumX = 0.0
        // Oldest first, k = age bars old: the batch kernel's order.
        var age = first
        window.forEachOldestFirst(length) { element in
            let deviation = element - value
            sumKX += Double(age) * deviation
            sumX += deviation
            age -= 1
        }
        let slope = (n * sumKX - sumK * sumX) / divisor
        switch output {
        case .slope:
            return slope
        case .value:
            return (sumX - slope * sumK) / n + slope * (n - 1) + value
        case .forecast:
            return (sumX - slope * sumK) / n + slope * n + value
        }
    }

    /// Forgets every bar seen.
    mutating func reset() {
        window.reset()
        index = 0
    }
}
