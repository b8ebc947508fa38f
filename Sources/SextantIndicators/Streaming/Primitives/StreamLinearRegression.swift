/// The least-squares line through the last `length` values, bar by bar: the streaming form of
/// `LinearRegression`, shared by `LinearRegStream`, `LinearRegSlopeStream` and `TSFStream`.
///
/// State: the window in a ring (for the value that leaves and for the rebuilds) and the batch
/// kernel's running sums `Σd`, `Σk·d` with their anchor and rebuild countdown. A bar costs O(1): the
/// sums slide as in the batch kernel, and every `length` bars (from the first output) they are rebuilt
/// from the ring, oldest first, with the newest value as the anchor — the batch kernel's schedule and
/// order of operations, so every output has the batch's bit pattern.
struct StreamLinearRegression: Sendable {
    /// The window length (≥ 1).
    let length: Int
    private let output: LinearRegression.Output
    private let weights: LinearRegression.Weights
    private var window: StreamRing
    private var sums = LinearRegression.Sums()
    private var index = 0

    /// The line's `output` over windows of `length` bars (at least 1).
    init(length: Int, output: LinearRegression.Output) {
        self.length = Swift.max(length, 1)
        self.output = output
        weights = LinearRegression.Weights(length: Swift.max(self.length, 2), output: output)
        window = StreamRing(capacity: self.length)
    }

    /// Takes the next value; returns the output for the window ending here, or nil during the warm-up.
    @inline(__always)
    mutating func next(_ value: Double) -> Double? {
        if length == 1 { return output == .slope ? 0 : value }
        let leaving = window.push(value)
        let first = length - 1
        guard index >= first else {
            index += 1
            return nil
        }
        if sums.untilRebuild == 0 {
            rebuild(newest: value)
        } else {
            sums.slide(entering: value, leaving: leaving, n: weights.n)
        }
        return weights.evaluate(sumX: sums.sumX, sumKX: sums.sumKX, anchor: sums.anchor)
    }

    /// Recomputes the sums from the window, oldest first, anchored at the newest value.
    private mutating func rebuild(newest: Double) {
        sums.beginRebuild(newest: newest, length: length)
        var age = length - 1
        var rebuilt = sums
        window.forEachOldestFirst(length) { element in
            rebuilt.add(element, age: age)
            age -= 1
        }
        sums = rebuilt
    }

    /// Forgets every bar seen.
    mutating func reset() {
        window.reset()
        sums = LinearRegression.Sums()
        index = 0
    }
}
