/// The maximum of one series and the minimum of another over a sliding window, bar by bar, with the
/// block scheme (van Herk / Gil-Werman) of the batch `SlidingExtremes`.
///
/// The batch kernels cut a run into blocks of `length` bars; the window ending at offset `m` of a block
/// is the previous block's suffix extreme from `m + 1` combined with this block's prefix extreme up to
/// `m`, and the window equal to a block is its full suffix. Replaying exactly those comparisons, in
/// that order, is what makes the result bit-identical even on ties between +0 and −0 (a monotonic deque
/// would pick a different zero). State: the current block's values, the previous block's suffix
/// extremes, the running prefix extremes and the offset in the block. Each bar costs two comparisons
/// per extreme, plus one more per bar of the block when it completes.
struct StreamExtremes: Sendable {
    /// The window length (≥ 1).
    let length: Int
    private var blockHigh: ContiguousArray<Double>
    private var blockLow: ContiguousArray<Double>
    private var suffixMax: ContiguousArray<Double>
    private var suffixMin: ContiguousArray<Double>
    private var offset = 0
    private var prefixHigh = -Double.infinity
    private var prefixLow = Double.infinity
    private var hasPrevious = false

    /// Extremes over windows of `length` bars (at least 1).
    init(length: Int) {
        self.length = Swift.max(length, 1)
        blockHigh = ContiguousArray(repeating: 0, count: self.length)
        blockLow = blockHigh
        suffixMax = blockHigh
        suffixMin = blockHigh
    }

    /// Takes the next bar's `high` and `low` and returns the window's maximum of `high` and minimum of
    /// `low`, or nil while fewer than `length` bars have been seen.
    @inline(__always)
    mutating func next(high: Double, low: Double) -> (maximum: Double, minimum: Double)? {
        if offset == length - 1 {
            // The block is complete: its suffix extremes, newest to oldest, as the batch scans them.
            var top = high
            var bottom = low
            suffixMax[offset] = top
            suffixMin[offset] = bottom
            var slot = offset - 1
            while slot >= 0 {
                top = Branchless.max(top, blockHigh[slot])
                bottom = Branchless.min(bottom, blockLow[slot])
                suffixMax[slot] = top
                suffixMin[slot] = bottom
                slot -= 1
            }
            offset = 0
            prefixHigh = -.infinity
            prefixLow = .infinity
            hasPrevious = true
            return (top, bottom)
        }
        blockHigh[offset] = high
        blockLow[offset] = low
        prefixHigh = Branchless.max(prefixHigh, high)
        prefixLow = Branchless.min(prefixLow, low)
        offset += 1
        guard hasPrevious else { return nil }
        return (Branchless.max(suffixMax[offset], prefixHigh), Branchless.min(suffixMin[offset], prefixLow))
    }

    /// Forgets every bar seen.
    @inline(__always)
    mutating func reset() {
        offset = 0
        prefixHigh = -.infinity
        prefixLow = .infinity
        hasPrevious = false
    }
}
