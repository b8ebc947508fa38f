/// Wilder's directional movement system, the shared core of `PlusDI`, `MinusDI`, `ADX` and `ADXR`.
///
/// Per bar: `up = high − prevHigh`, `down = prevLow − low`; `+DM = up` when `up > down` and `up > 0`,
/// `−DM = down` when `down > up` and `down > 0`, else 0; and the true range. DM and TR are Wilder
/// *sums*: the plain sum over bars 1…n−1, then from bar n `S = S − S/n + v` (evaluated `S·(1 − 1/n) + v`).
/// `±DI = 100·S_DM/S_TR` from bar n (0 when `S_TR` is 0). `DX = 100·|+DI − −DI|/(+DI + −DI)`, computed
/// as `100·|S₊ − S₋|/(S₊ + S₋)` (the TR sum cancels; one division instead of three);
/// `ADX = mean(DX over bars n…2n−1)` at bar 2n−1, then `adx = (adx·(n−1) + dx)/n`. A bar whose TR sum
/// or DM sum is 0 leaves the ADX unchanged (and adds nothing to the seed mean), as in TA-Lib.
/// Every per-bar decision is a select, not a branch: directions are coin flips on real data.
enum DirectionalMovement {
    /// Which line to write.
    enum Output {
        case plusDI
        case minusDI
        case adx
    }

    /// Writes `output` over `count` NaN-free bars, NaN before its first valid bar (n for the DIs,
    /// 2n − 1 for ADX).
    static func run(
        _ high: UnsafePointer<Double>, _ low: UnsafePointer<Double>, _ close: UnsafePointer<Double>, count: Int,
        length: Int, output: Output, _ out: UnsafeMutablePointer<Double>
    ) {
        let first = output == .adx ? 2 * length - 1 : length
        guard length >= 1, first < count else {
            ValidRuns.fillNaN(out, runStart: 0, runEnd: count)
            return
        }
        ValidRuns.fillNaN(out, runStart: 0, runEnd: first)
        // (+DM, −DM) sums in one vector, the TR sum beside it.
        var sums = SIMD2<Double>.zero
        var rangeSum = 0.0
        var index = 1
        while index < length {
            sums += movement(high, low, index)
            rangeSum += TRange.value(high[index], low[index], close[index - 1])
            index += 1
        }
        let decay = 1 - 1 / Double(length)
        switch output {
        case .plusDI, .minusDI:
            let plus = output == .plusDI
            while index < count {
                sums = sums * decay + movement(high, low, index)
                rangeSum = rangeSum * decay + TRange.value(high[index], low[index], close[index - 1])
                let ratio = 100 * ((plus ? sums.x : sums.y) / rangeSum)
                out[index] = rangeSum != 0 ? ratio : 0
                index += 1
            }
        case .adx:
            let wilder = WilderAverage(length: length)
            var dxSum = 0.0
            var adx = 0.0
            while index < count {
                sums = sums * decay + movement(high, low, index)
                rangeSum = rangeSum * decay + TRange.value(high[index], low[index], close[index - 1])
                let total = sums.x + sums.y
                let dx = 100 * (Swift.abs(sums.x - sums.y) / total)
                let valid = rangeSum != 0 && total != 0
                if index < first {
                    dxSum += valid ? dx : 0
                } else if index == first {
                    dxSum += valid ? dx : 0
                    adx = dxSum / Double(length)
                    out[index] = adx
                } else {
                    let next = wilder.step(adx, dx)
                    adx = valid ? next : adx
                    out[index] = adx
                }
                index += 1
            }
        }
    }

    /// (+DM, −DM) of bar `index`, as one vector and without branches.
    @inline(__always)
    static func movement(_ high: UnsafePointer<Double>, _ low: UnsafePointer<Double>, _ index: Int) -> SIMD2<Double> {
        let moves = SIMD2(high[index] - high[index - 1], low[index - 1] - low[index])
        // up > down and up > 0 ⇔ up > max(down, 0); likewise for down.
        let rivals = Branchless.max(SIMD2(moves.y, moves.x), .zero)
        return moves.replacing(with: 0, where: moves .<= rivals)
    }
}
