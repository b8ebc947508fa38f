// Elementwise math's kernels, named by the table entries of `BuiltinTable.math`. Every `value`
// argument is a column (a number arrives as a constant column), so each builtin has one kernel: the
// two-column forms of `Elementwise` and their streams.
extension BuiltinKernel {
    /// `abs(value)`.
    static let abs = unary(.abs, Elementwise.abs(_:into:))
    /// `log(value)`.
    static let log = unary(.log, Elementwise.log(_:into:))
    /// `exp(value)`.
    static let exp = unary(.exp, Elementwise.exp(_:into:))
    /// `sqrt(value)`.
    static let sqrt = unary(.sqrt, Elementwise.sqrt(_:into:))

    /// `round(value, digits)`; a fractional `digits` rounds to the nearest whole number.
    static let round = series(settings: 1) { inputs, settings, outputs in
        Elementwise.round(inputs[0], digits: whole(settings[0]), into: outputs[0])
    } stream: { settings in
        ElementwiseStream(.round(digits: whole(settings[0])))
    }

    /// `min(a, b)`.
    static let min = binary(.min, Elementwise.min(_:_:into:))
    /// `max(a, b)`.
    static let max = binary(.max, Elementwise.max(_:_:into:))
    /// `pow(base, exponent)`.
    static let pow = binary(.pow, Elementwise.pow(_:_:into:))

    /// `clamp(value, low, high)`.
    static let clamp = triple(settings: 0) { inputs, _, outputs in
        Elementwise.clamp(inputs[0], low: inputs[1], high: inputs[2], into: outputs[0])
    } stream: { _ in
        ElementwiseClampStream()
    }

    /// A one-column function without settings.
    private static func unary(
        _ function: ElementwiseStream.Function,
        _ kernel: @escaping @Sendable (UnsafeBufferPointer<Double>, UnsafeMutableBufferPointer<Double>) -> Void
    ) -> BuiltinKernel {
        series(settings: 0) { inputs, _, outputs in
            kernel(inputs[0], outputs[0])
        } stream: { _ in
            ElementwiseStream(function)
        }
    }

    /// A two-column function without settings.
    private static func binary(
        _ function: ElementwisePairStream.Function,
        _ kernel:
            @escaping @Sendable (
                UnsafeBufferPointer<Double>, UnsafeBufferPointer<Double>, UnsafeMutableBufferPointer<Double>
            ) -> Void
    ) -> BuiltinKernel {
        pair(settings: 0) { inputs, _, outputs in
            kernel(inputs[0], inputs[1], outputs[0])
        } stream: { _ in
            ElementwisePairStream(function)
        }
    }
}
