/// Sums over a sliding window, bar by bar: the streaming form of `WindowSum`, shared by
/// `SortinoStream` and `OmegaStream`.
///
/// State: the current block's terms in a ring, the suffix sums of the last complete block, the prefix
/// sum of the current block and the position in the block. It replays `WindowSum`'s blocking exactly:
/// blocks of `length` bars start at the run's first bar; when a block completes, its suffix sums are
/// added newest first (the batch's order) and the last of them is that window's sum; a window ending
/// at offset m of a later block is the previous block's suffix from m + 1 plus this block's prefix up
/// to m. The suffix pass is O(length) once every `length` bars, so a bar is O(1) amortized, as in the
/// batch kernel.
struct StreamWindowSum: Sendable {
    /// The window length (≥ 1).
    let length: Int
    private var terms: StreamRing
    /// `tail[m]` is the previous block's sum of its terms at offsets m…length − 1; `tail[length]` is 0.
    private var tail: ContiguousArray<Double>
    private var prefix = 0.0
    /// Offset in the current block of the next term.
    private var offset = 0
    /// Whether a complete block has been seen (windows are only whole from then on).
    private var hasBlock = false

    /// Sums over windows of `length` bars (at least 1).
    init(length: Int) {
        self.length = Swift.max(length, 1)
        terms = StreamRing(capacity: self.length)
        tail = ContiguousArray(repeating: 0, count: self.length + 1)
    }

    /// Takes the next term; returns the sum of the last `length` terms, or nil during the warm-up.
    @inline(__always)
    mutating func next(_ term: Double) -> Double? {
        // A one-bar window is the term itself (the batch copies it: 0 + −0 would lose the sign).
        if length == 1 { return term }
        terms.push(term)
        let position = offset
        offset = position + 1 == length ? 0 : position + 1
        if position == length - 1 {
            // The block is complete: its suffix sums, newest first, as the batch adds them.
            var total = 0.0
            var slot = length - 1
            terms.forEachNewestFirst(length) { value in
                total += value
                tail[slot] = total
                slot -= 1
            }
            prefix = 0
            hasBlock = true
            return total
        }
        prefix += term
        guard hasBlock else { return nil }
        return tail[position + 1] + prefix
    }

    /// Forgets every bar seen.
    mutating func reset() {
        terms.reset()
        prefix = 0
        offset = 0
        hasBlock = false
    }
}
