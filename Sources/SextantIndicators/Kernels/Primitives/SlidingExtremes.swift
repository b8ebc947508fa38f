/// Branch-free sliding-window maximum and minimum (van Herk / Gil-Werman).
///
/// The series is cut into blocks of `length` bars. The extreme of the window that ends at offset m of
/// a block is the extreme of the previous block's suffix from m + 1 and this block's prefix up to m,
/// so each bar costs three comparisons whatever the length, with no data-dependent branch (a
/// monotonic deque mispredicts on random walks). Used by the batch kernels that need only the
/// extreme *value* (STOCH, WILLR, MIDPOINT, MIDPRICE); AROON needs the index and uses the same
/// scheme in `StreamArgExtremes`.
enum SlidingExtremes {
    /// Writes the maximum of `high` and the minimum of `low` over the window of `length` bars ending at
    /// each bar `i >= length - 1` into `maximum[i]` and `minimum[i]` (earlier bars are not written).
    /// `high` and `low` may be the same buffer; either output may be nil.
    static func compute(
        high: UnsafePointer<Double>, low: UnsafePointer<Double>, count: Int, length: Int,
        maximum: UnsafeMutablePointer<Double>?, minimum: UnsafeMutablePointer<Double>?
    ) {
        guard length >= 1, count >= length else { return }
        if length == 1 {
            if let maximum { maximum.update(from: high, count: count) }
            if let minimum { minimum.update(from: low, count: count) }
            return
        }
        // Suffix extremes of the previous block, with one extra slot holding the identity.
        let suffixMax = UnsafeMutablePointer<Double>.allocate(capacity: length + 1)
        let suffixMin = UnsafeMutablePointer<Double>.allocate(capacity: length + 1)
        defer {
            suffixMax.deallocate()
            suffixMin.deallocate()
        }
        suffixMax[length] = -.infinity
        suffixMin[length] = .infinity

        // The first window is the first block: a plain scan.
        var blockStart = 0
        while blockStart + length <= count {
            // Suffix extremes of [blockStart, blockStart + length).
            var hi = high[blockStart + length - 1]
            var lo = low[blockStart + length - 1]
            suffixMax[length - 1] = hi
            suffixMin[length - 1] = lo
            var offset = length - 2
            while offset >= 0 {
                hi = Branchless.max(hi, high[blockStart + offset])
                lo = Branchless.min(lo, low[blockStart + offset])
                suffixMax[offset] = hi
                suffixMin[offset] = lo
                offset -= 1
            }
            // The window equal to this block ends at its last bar.
            let blockEnd = blockStart + length - 1
            maximum?[blockEnd] = hi
            minimum?[blockEnd] = lo
            // Windows ending inside the next block: its prefix combined with this block's suffix.
            let next = blockStart + length
            let available = Swift.min(length - 1, count - next)
            var prefixHi = -Double.infinity
            var prefixLo = Double.infinity
            var m = 0
            if let maximum, let minimum {
                while m < available {
                    prefixHi = Branchless.max(prefixHi, high[next + m])
                    prefixLo = Branchless.min(prefixLo, low[next + m])
                    maximum[next + m] = Branchless.max(suffixMax[m + 1], prefixHi)
                    minimum[next + m] = Branchless.min(suffixMin[m + 1], prefixLo)
                    m += 1
                }
            } else if let maximum {
                while m < available {
                    prefixHi = Branchless.max(prefixHi, high[next + m])
                    maximum[next + m] = Branchless.max(suffixMax[m + 1], prefixHi)
                    m += 1
                }
            } else if let minimum {
                while m < available {
                    prefixLo = Branchless.min(prefixLo, low[next + m])
                    minimum[next + m] = Branchless.min(suffixMin[m + 1], prefixLo)
                    m += 1
                }
            }
            blockStart = next
        }
    }
}
