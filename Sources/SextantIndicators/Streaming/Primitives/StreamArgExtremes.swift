/// How many bars ago the maximum of one series and the minimum of another occurred within a sliding
/// window, bar by bar, ties going to the most recent bar: the arg-extreme form of `StreamExtremes`'
/// block scheme (van Herk / Gil-Werman), for AROON: `AroonStream` and the batch `Aroon` both use it.
///
/// The bars are cut into blocks of `window` bars. The window ending at offset `m` of a block is the
/// previous block's suffix from `m + 1` together with this block's prefix up to `m`, and the window
/// ending a block is the block itself. So each bar costs one compare-and-select per extreme for the
/// running prefix and one against the stored suffix, plus, once per block, one per bar of the block to
/// build its suffixes: O(1) per bar whatever the window, and no data-dependent branch. (The monotonic
/// deque this replaces pops a data-dependent number of entries per bar, and those branches mispredict
/// on a random walk: 26 ns an update against 8 here, measured.)
///
/// Ties: within the prefix a new bar takes over on `≥` (`≤` for the minimum); within a suffix, built
/// from the newest bar back, an older bar takes over only on `>` (`<`); between the two the prefix,
/// whose bars are the more recent, wins ties. That is the batch kernel's rule (its deque drops every
/// entry a new value ties or beats), so both find the same bars.
///
/// Positions are kept as ages (bars ago) and distances, not bar numbers, so that each choice of a bar
/// is an integer min or max of register values, which compiles to a `cmov`; the natural selects
/// compiled to branches around loads of the state, which mispredict here on about every other bar.
///
/// State: one slot per offset in the block, holding this block's high and low at that offset and the
/// previous block's suffix extremes from that offset on (value, and distance `window − p` to their
/// offset `p`), the running prefix extremes with their ages, the offset, and whether a previous block
/// exists.
struct StreamArgExtremes: Sendable {
    /// The window length (≥ 1).
    let window: Int
    private var slots: ContiguousArray<Slot>
    private var offset = 0
    private var prefixTop = -Double.infinity
    private var prefixTopAge = 0
    private var prefixBottom = Double.infinity
    private var prefixBottomAge = 0
    private var hasPrevious = false

    /// One offset of the block.
    private struct Slot: Sendable {
        /// This block's values at the offset.
        var high = 0.0
        var low = 0.0
        /// The previous block's maximum and minimum from this offset to its end.
        var top = 0.0
        var bottom = 0.0
        /// `window − p` for the offset `p` of that maximum and of that minimum.
        var topDistance = 0
        var bottomDistance = 0
    }

    /// Extremes over windows of `window` bars (at least 1).
    init(window: Int) {
        self.window = Swift.max(window, 1)
        slots = ContiguousArray(repeating: Slot(), count: self.window)
    }

    /// Takes the next bar's `high` and `low` and returns how many bars ago (0 for this bar) the
    /// window's highest high and lowest low occurred, or nil while fewer than `window` bars have been
    /// seen.
    @inline(__always)
    mutating func next(high: Double, low: Double) -> (highest: Int, lowest: Int)? {
        let position = offset
        // The running prefix; on ties the new bar, the most recent, takes over (a block starts from
        // ∓infinity, so its first bar always does).
        // Written so that nothing compiles to a branch: the values in the `maxsd`/`minsd` form (the
        // same value on ties), the ages as `min(age + 1, new ? 0 : .max)` (an integer min becomes a
        // `cmov`, where `new ? 0 : age + 1` became a branch around the load of `age`), `&+` because an
        // age is at most `window` and an overflow check would add a branch.
        let (top, bottom) = (prefixTop, prefixBottom)
        let topAge = Swift.min(prefixTopAge &+ 1, high >= top ? 0 : .max)
        let bottomAge = Swift.min(prefixBottomAge &+ 1, low <= bottom ? 0 : .max)
        (prefixTop, prefixTopAge) = (Branchless.max(top, high), topAge)
        (prefixBottom, prefixBottomAge) = (Branchless.min(bottom, low), bottomAge)
        if position == window - 1 {
            // The block is complete: the window is the block, and its suffixes, built from the
            // newest bar back, serve the windows that end in the next block.
            completeBlock(high: high, low: low)
            return (topAge, bottomAge)
        }
        slots[position].high = high
        slots[position].low = low
        offset = position + 1
        guard hasPrevious else { return nil }
        // The suffix's bars are all older than the prefix's, so its age is the larger one: the max
        // picks it exactly when the suffix holds the strictly greater extreme (ages are ≥ 0).
        let suffix = slots[position + 1]
        return (
            Swift.max(topAge, prefixTop >= suffix.top ? 0 : position &+ suffix.topDistance),
            Swift.max(bottomAge, prefixBottom <= suffix.bottom ? 0 : position &+ suffix.bottomDistance)
        )
    }

    /// Builds the suffix extremes of the block that `high` and `low` complete, and starts the next
    /// block.
    private mutating func completeBlock(high: Double, low: Double) {
        let window = window
        slots.withUnsafeMutableBufferPointer { slots in
            var top = high
            var bottom = low
            var topOffset = window - 1
            var bottomOffset = window - 1
            var position = window - 1
            while true {
                slots[position].top = top
                slots[position].bottom = bottom
                slots[position].topDistance = window - topOffset
                slots[position].bottomDistance = window - bottomOffset
                position -= 1
                guard position >= 0 else { break }
                // An older bar takes over only when strictly more extreme.
                let value = slots[position]
                let higher = value.high > top
                top = higher ? value.high : top
                topOffset = higher ? position : topOffset
                let lower = value.low < bottom
                bottom = lower ? value.low : bottom
                bottomOffset = lower ? position : bottomOffset
            }
        }
        offset = 0
        prefixTop = -.infinity
        prefixBottom = .infinity
        hasPrevious = true
    }

    /// Forgets every bar seen.
    @inline(__always)
    mutating func reset() {
        offset = 0
        prefixTop = -.infinity
        prefixBottom = .infinity
        hasPrevious = false
    }
}
