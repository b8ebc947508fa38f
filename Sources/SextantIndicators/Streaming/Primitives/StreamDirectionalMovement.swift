/// Wilder's directional movement system, bar by bar: the streaming form of `DirectionalMovement`,
/// shared by `PlusDIStream`, `MinusDIStream`, `ADXStream` and `ADXRStream`.
///
/// State: the previous bar's high, low and close, the Wilder sums of +DM, −DM and the true range, and
/// for ADX the DX sum of the seed and the running ADX. Each bar is the batch kernel's arithmetic in its
/// order, so each output has the batch's bit pattern. The batch kernel keeps the two DM sums in one
/// `SIMD2`; here they are two scalars updated with the same per-lane operations (IEEE arithmetic is the
/// same in a vector lane).
struct StreamDirectionalMovement: Sendable {
    /// The smoothing length (≥ 1).
    let length: Int
    private let output: DirectionalMovement.Output
    private let decay: Double
    private let wilder: WilderAverage
    private var index = 0
    private var previousHigh = 0.0
    private var previousLow = 0.0
    private var previousClose = 0.0
    private var plusSum = 0.0
    private var minusSum = 0.0
    private var rangeSum = 0.0
    private var dxSum = 0.0
    private var adx = 0.0

    /// The line `output` with smoothing `length` (at least 1).
    init(length: Int, output: DirectionalMovement.Output) {
        self.length = Swift.max(length, 1)
        self.output = output
        decay = 1 - 1 / Double(self.length)
        wilder = WilderAverage(length: self.length)
    }

    /// Takes the next bar; returns the line's value, or nil during its warm-up (n bars for the DIs,
    /// 2n − 1 for ADX).
    @inline(__always)
    mutating func next(high: Double, low: Double, close: Double) -> Double? {
        let bar = index
        index += 1
        defer {
            previousHigh = high
            previousLow = low
            previousClose = close
        }
        guard bar > 0 else { return nil }
        // (+DM, −DM) without branches, exactly as `DirectionalMovement.movement` (vector selects; the
        // same selects written on scalars compile to branches that mispredict on every other bar).
        let moves = SIMD2(high - previousHigh, previousLow - low)
        let rivals = Branchless.max(SIMD2(moves.y, moves.x), .zero)
        let movement = moves.replacing(with: 0, where: moves .<= rivals)
        let plus = movement.x
        let minus = movement.y
        let trueRange = TRange.value(high, low, previousClose)
        if bar < length {
            plusSum += plus
            minusSum += minus
            rangeSum += trueRange
            return nil
        }
        plusSum = plusSum * decay + plus
        minusSum = minusSum * decay + minus
        rangeSum = rangeSum * decay + trueRange
        switch output {
        case .plusDI, .minusDI:
            let ratio = 100 * ((output == .plusDI ? plusSum : minusSum) / rangeSum)
            return rangeSum != 0 ? ratio : 0
        case .adx:
            let first = 2 * length - 1
            let total = plusSum + minusSum
            let dx = 100 * (Swift.abs(plusSum - minusSum) / total)
            let valid = rangeSum != 0 && total != 0
            if bar < first {
                dxSum += valid ? dx : 0
                return nil
            }
            if bar == first {
                dxSum += valid ? dx : 0
                adx = dxSum / Double(length)
                return adx
            }
            let next = wilder.step(adx, dx)
            adx = valid ? next : adx
            return adx
        }
    }

    /// Forgets every bar seen.
    mutating func reset() {
        index = 0
        plusSum = 0
        minusSum = 0
        rangeSum = 0
        dxSum = 0
        adx = 0
    }
}
