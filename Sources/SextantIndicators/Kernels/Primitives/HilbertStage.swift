/// One Hilbert transform stage of TA-Lib's HT_TRENDLINE with its odd- and even-bar pipelines.
///
/// Shared by the batch kernel and its streaming twin, so that both run one definition of TA-Lib's
/// `DO_HILBERT_EVEN`/`DO_HILBERT_ODD` and stay bit-identical.
struct HilbertStage: Sendable {
    var odd: (Double, Double, Double) = (0, 0, 0)
    var even: (Double, Double, Double) = (0, 0, 0)
    var previousOdd = 0.0
    var previousEven = 0.0
    var previousInputOdd = 0.0
    var previousInputEven = 0.0

    @inline(__always)
    static func slot(_ ring: inout (Double, Double, Double), _ index: Int, _ value: Double) -> Double {
        let old: Double
        switch index {
        case 0:
            old = ring.0
            ring.0 = value
        case 1:
            old = ring.1
            ring.1 = value
        default:
            old = ring.2
            ring.2 = value
        }
        return old
    }

    /// TA-Lib's `DO_HILBERT_EVEN`/`DO_HILBERT_ODD`, in its order of operations.
    @inline(__always)
    mutating func transform(_ input: Double, index: Int, isEven: Bool, adjustedPeriod: Double) -> Double {
        let a = 0.0962
        let b = 0.5769
        let scaled = a * input
        var result: Double
        if isEven {
            result = -HilbertStage.slot(&even, index, scaled)
            result += scaled
            result -= previousEven
            previousEven = b * previousInputEven
            result += previousEven
            previousInputEven = input
        } else {
            result = -HilbertStage.slot(&odd, index, scaled)
            result += scaled
            result -= previousOdd
            previousOdd = b * previousInputOdd
            result += previousOdd
            previousInputOdd = input
        }
        return result * adjustedPeriod
    }
}
