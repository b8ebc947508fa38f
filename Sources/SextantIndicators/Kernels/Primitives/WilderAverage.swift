/// Wilder's smoothing, `avg = (avg·(n − 1) + x) / n`, the recursion behind RSI, CMO, ATR and ADX.
///
/// Evaluated as `avg·a + x·b` with `a = (n − 1)/n` and `b = 1/n`: the division leaves the loop-carried
/// dependency (one multiply and one add per bar instead of multiply, add and divide), and the result
/// differs from TA-Lib's order of operations by an ulp or so.
struct WilderAverage {
    /// The weight of the previous average, (n − 1)/n.
    let decay: Double
    /// The weight of the new value, 1/n.
    let gain: Double

    /// `decay²`, for advancing two bars in one step.
    let decay2: Double
    /// `decay·gain`, the weight of the first of two new values.
    let gainDecay: Double

    /// `decay⁴` and the weights of four new values, oldest first, for advancing four bars in one step.
    let decay4: Double
    let weights4: (Double, Double, Double, Double)

    /// The smoothing of period `length` (≥ 1).
    init(length: Int) {
        let n = Double(length)
        decay = (n - 1) / n
        gain = 1 / n
        decay2 = decay * decay
        gainDecay = gain * decay
        decay4 = decay2 * decay2
        weights4 = (gain * decay2 * decay, gain * decay2, gainDecay, gain)
    }

    /// The next average after `average` when `value` arrives.
    @inline(__always)
    func step(_ average: Double, _ value: Double) -> Double {
        average * decay + value * gain
    }

    /// The average after two values: `avg·a² + (first·a·b + second·b)`, whose loop-carried part is one
    /// multiply and one add for two bars (kernels use it to halve their dependency chain).
    @inline(__always)
    func step2(_ average: Double, _ first: Double, _ second: Double) -> Double {
        average * decay2 + (first * gainDecay + second * gain)
    }

    /// The average after four values, with one multiply and one add on the loop-carried chain.
    @inline(__always)
    func step4(_ average: Double, _ a: Double, _ b: Double, _ c: Double, _ d: Double) -> Double {
        average * decay4 + ((a * weights4.0 + b * weights4.1) + (c * weights4.2 + d * weights4.3))
    }

    /// `step` on two independent averages at once.
    @inline(__always)
    func step(_ average: SIMD2<Double>, _ value: SIMD2<Double>) -> SIMD2<Double> {
        average * decay + value * gain
    }

    /// `step2` on two independent averages at once.
    @inline(__always)
    func step2(_ average: SIMD2<Double>, _ first: SIMD2<Double>, _ second: SIMD2<Double>) -> SIMD2<Double> {
        average * decay2 + (first * gainDecay + second * gain)
    }
}
