/// Rolling correlation or least-squares slope of two series, bar by bar: the streaming form of
/// `RollingCovariance`, shared by `CorrelStream` and `BetaStream`.
///
/// State: both windows in one ring of pairs, the shifted running sums of deviations, squares and cross products,
/// the two shifts, the countdown to the next scheduled rebuild and the squares of the pair that left
/// last (the outlier test looks at them one bar later, as the batch kernel does). Every operation is
/// the batch kernel's, in its order, so every output has the batch's bit pattern.
struct StreamCovariance: Sendable {
    /// The window length (≥ 1).
    let length: Int
    private let output: RollingCovariance.Output
    private let scale: Double
    private var windows: StreamPairRing
    private var index = 0
    private var shiftX = 0.0
    private var shiftY = 0.0
    private var sumX = 0.0
    private var sumY = 0.0
    private var sumXX = 0.0
    private var sumYY = 0.0
    private var sumXY = 0.0
    private var untilReseed: Int
    private var leavingX = 0.0
    private var leavingY = 0.0

    /// The statistic `output` over windows of `length` bars (at least 1).
    init(length: Int, output: RollingCovariance.Output) {
        self.length = Swift.max(length, 1)
        self.output = output
        scale = 1 / Double(self.length)
        windows = StreamPairRing(capacity: self.length)
        untilReseed = 32 * self.length
    }

    /// Takes the next pair; returns the statistic of the window, or nil during the warm-up.
    @inline(__always)
    mutating func next(_ x: Double, _ y: Double) -> Double? {
        let first = length - 1
        if index == 0 {
            shiftX = x
            shiftY = y
        }
        windows.push(x, y)
        let dx = x - shiftX
        let dy = y - shiftY
        sumX += dx
        sumY += dy
        sumXX += dx * dx
        sumYY += dy * dy
        sumXY += dx * dy
        if index < first {
            index += 1
            return nil
        }
        index += 1
        var ssX = sumXX - sumX * sumX * scale
        var ssY = sumYY - sumY * sumY * scale
        var spXY = sumXY - sumX * sumY * scale
        untilReseed -= 1
        if ssX < 1e-6 * sumXX || ssY < 1e-6 * sumYY || leavingX > 1e6 * sumXX || leavingY > 1e6 * sumYY
            || untilReseed <= 0
        {
            rebuild()
            ssX = Swift.max(sumXX - sumX * sumX * scale, 0)
            ssY = Swift.max(sumYY - sumY * sumY * scale, 0)
            spXY = sumXY - sumX * sumY * scale
        }
        let result: Double
        switch output {
        case .correlation:
            if ssX > 1e-14 * sumXX, ssY > 1e-14 * sumYY {
                result = Swift.min(Swift.max(spXY / (ssX * ssY).squareRoot(), -1), 1)
            } else {
                result = 0
            }
        case .slope:
            result = ssX > 1e-14 * sumXX ? spXY / ssX : 0
        }
        // The oldest pair leaves the window after the output, as in the batch kernel.
        let oldest = windows.back(first)
        let oldX = oldest.x - shiftX
        let oldY = oldest.y - shiftY
        leavingX = oldX * oldX
        leavingY = oldY * oldY
        sumX -= oldX
        sumY -= oldY
        sumXX -= leavingX
        sumYY -= leavingY
        sumXY -= oldX * oldY
        return result
    }

    /// Re-anchors both shifts to the window means and recomputes the sums, oldest bar first.
    private mutating func rebuild() {
        let first = length - 1
        untilReseed = 32 * length
        var totalX = 0.0
        var totalY = 0.0
        for age in stride(from: first, through: 0, by: -1) {
            let pair = windows.back(age)
            totalX += pair.x
            totalY += pair.y
        }
        shiftX = totalX * scale
        shiftY = totalY * scale
        sumX = 0
        sumY = 0
        sumXX = 0
        sumYY = 0
        sumXY = 0
        for age in stride(from: first, through: 0, by: -1) {
            let pair = windows.back(age)
            let fx = pair.x - shiftX
            let fy = pair.y - shiftY
            sumX += fx
            sumY += fy
            sumXX += fx * fx
            sumYY += fy * fy
            sumXY += fx * fy
        }
    }

    /// Forgets every bar seen.
    mutating func reset() {
        windows.reset()
        index = 0
        shiftX = 0
        shiftY = 0
        sumX = 0
        sumY = 0
        sumXX = 0
        sumYY = 0
        sumXY = 0
        untilReseed = 32 * length
        leavingX = 0
        leavingY = 0
    }
}
