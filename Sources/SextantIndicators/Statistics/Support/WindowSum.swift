/// Sums over a sliding window without running-sum drift: the van Herk / Gil-Werman blocking of
/// `SlidingExtremes`, with addition in place of the maximum.
///
/// The series is cut into blocks of `length` bars. The window ending at offset m of a block is the
/// previous block's suffix from m + 1 plus this block's prefix up to m, so every window sum adds only
/// the window's own terms. Unlike a running sum (add the newest, subtract the oldest) it carries no
/// residue of a large term that has left the window, its rounding error is bounded by the terms in
/// the window, and a window of zeros sums to exactly 0 — which the ratio kernels rely on to tell
/// "no downside" from "a little downside". Two additions per bar, whatever the length.
enum WindowSum {
    /// Writes `Σ terms[i − length + 1 … i]` into `out[i]` for every bar `i ≥ length − 1` (earlier bars
    /// are not written). `count ≥ length ≥ 1`; `out` must not overlap `terms` (later blocks read
    /// terms after earlier windows are written).
    static func compute(_ terms: UnsafePointer<Double>, count: Int, length: Int, _ out: UnsafeMutablePointer<Double>) {
        guard length >= 1, count >= length else { return }
        if length == 1 {
            out.update(from: terms, count: count)
            return
        }
        // Suffix sums of the current block, with one extra slot holding the empty sum.
        let suffix = ScratchColumn(count: length + 1)
        let tail = suffix.base
        tail[length] = 0
        var blockStart = 0
        while blockStart + length <= count {
            var total = 0.0
            var offset = length - 1
            while offset >= 0 {
                total += terms[blockStart + offset]
                tail[offset] = total
                offset -= 1
            }
            out[blockStart + length - 1] = total
            // Windows ending inside the next block: its prefix plus this block's suffix.
            let next = blockStart + length
            let available = Swift.min(length - 1, count - next)
            var prefix = 0.0
            var m = 0
            while m < available {
                prefix += terms[next + m]
                out[next + m] = tail[m + 1] + prefix
                m += 1
            }
            blockStart = next
        }
    }
}
