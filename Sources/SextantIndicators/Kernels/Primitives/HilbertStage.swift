/// One Hilbert transform stage of TA-Lib's HT_TRENDLINE with its odd- and even-bar pipelines
/// (TA-Lib's `DO_HILBERT_EVEN`/`DO_HILBERT_ODD`, in its order of operations), part of
/// `HTTrendlineStep`.
///
/// Each pipeline keeps its last three scaled inputs in three slots, indexed as TA-Lib indexes them (by
/// `hilbertIdx`, which advances after every even bar), so each reads back the value it wrote three of
/// its own bars earlier. A shift register gives the same values without the index, but measured
/// slower in the batch kernel (≈ 3 ns a bar), where the slots live in registers and the switch below
/// compiles to moves the branch predictor follows.
struct HilbertStage: Sendable {
    private var odd: (Double, Double, Double) = (0, 0, 0)
    private var even: (Double, Double, Double) = (0, 0, 0)
    private var previousOdd = 0.0
    private var previousEven = 0.0
    private var previousInputOdd = 0.0
    private var previousInputEven = 0.0

    private static let a = 0.0962
    private static let b = 0.5769

    /// Stores `value` in slot `index` (0, 1 or 2) of `ring` and returns what the slot held.
    @inline(__always)
    private static func exchange(_ ring: inout (Double, Double, Double), _ index: Int, _ value: Double) -> Double {
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

    /// The stage's output on an even bar; `slot` is TA-Lib's `hilbertIdx`.
    @inline(__always)
    mutating func even(_ input: Double, slot: Int, adjustedPeriod: Double) -> Double {
        let scaled = Self.a * input
        var result = -Self.exchange(&even, slot, scaled)
        result += scaled
        result -= previousEven
        previousEven = Self.b * previousInputEven
        result += previousEven
        previousInputEven = input
        return result * adjustedPeriod
    }

    /// The stage's output on an odd bar; `slot` is TA-Lib's `hilbertIdx`.
    @inline(__always)
    mutating func odd(_ input: Double, slot: Int, adjustedPeriod: Double) -> Double {
        let scaled = Self.a * input
        var result = -Self.exchange(&odd, slot, scaled)
        result += scaled
        result -= previousOdd
        previousOdd = Self.b * previousInputOdd
        result += previousOdd
        previousInputOdd = input
        return result * adjustedPeriod
    }
}
