import SextantLanguage

/// The batch evaluator's elementwise loops, specialized by operator and by operand shape (column or
/// constant) so that each is a plain loop over raw pointers that the compiler can vectorize.
///
/// Every loop computes through `ScalarOperators.apply` with the operator fixed at the call site, so
/// after inlining it is the very expression that constant folding and the stream evaluator use: the
/// bits cannot differ. The operator switch runs once per node, not once per element.
enum Elementwise {
    /// A node's values: a column, or one value at every index.
    enum Operand {
        case column(UnsafeBufferPointer<Double>)
        case constant(Double)
    }

    /// `crosses_above` or `crosses_below`, the cross kernels that batch evaluation runs inline.
    enum Cross {
        case above
        case below

        /// The cross of a builtin name, if it is one.
        init?(_ name: String) {
            switch name {
            case "crosses_above": self = .above
            case "crosses_below": self = .below
            default: return nil
            }
        }
    }

    // MARK: - Dispatch

    /// `output[i] = op(x[i])`.
    static func unary(_ op: UnaryOperator, _ x: Operand, _ output: UnsafeMutableBufferPointer<Double>) {
        switch op {
        case .negate: map(x, output) { ScalarOperators.apply(.negate, $0) }
        case .not: map(x, output) { ScalarOperators.apply(.not, $0) }
        }
    }

    /// `output[i] = lhs[i] op rhs[i]`.
    static func binary(
        _ op: BinaryOperator, _ lhs: Operand, _ rhs: Operand, _ output: UnsafeMutableBufferPointer<Double>
    ) {
        switch op {
        case .add: zip(lhs, rhs, output) { ScalarOperators.apply(.add, $0, $1) }
        case .subtract: zip(lhs, rhs, output) { ScalarOperators.apply(.subtract, $0, $1) }
        case .multiply: zip(lhs, rhs, output) { ScalarOperators.apply(.multiply, $0, $1) }
        case .divide: zip(lhs, rhs, output) { ScalarOperators.apply(.divide, $0, $1) }
        case .remainder: zip(lhs, rhs, output) { ScalarOperators.apply(.remainder, $0, $1) }
        case .less: zip(lhs, rhs, output) { ScalarOperators.apply(.less, $0, $1) }
        case .lessEqual: zip(lhs, rhs, output) { ScalarOperators.apply(.lessEqual, $0, $1) }
        case .greater: zip(lhs, rhs, output) { ScalarOperators.apply(.greater, $0, $1) }
        case .greaterEqual: zip(lhs, rhs, output) { ScalarOperators.apply(.greaterEqual, $0, $1) }
        case .equal: zip(lhs, rhs, output) { ScalarOperators.apply(.equal, $0, $1) }
        case .notEqual: zip(lhs, rhs, output) { ScalarOperators.apply(.notEqual, $0, $1) }
        case .and: zip(lhs, rhs, output) { ScalarOperators.apply(.and, $0, $1) }
        case .or: zip(lhs, rhs, output) { ScalarOperators.apply(.or, $0, $1) }
        }
    }

    /// `output[i] = condition[i] == 1 ? then[i] : otherwise[i]`.
    static func conditional(
        _ condition: Operand, _ then: Operand, _ otherwise: Operand, _ output: UnsafeMutableBufferPointer<Double>
    ) {
        guard case .column(let test) = condition else {
            // A constant condition picks one side for every bar.
            if case .constant(let value) = condition { map(value == 1 ? then : otherwise, output) { $0 } }
            return
        }
        zip(then, otherwise, output, test) { $2 == 1 ? $0 : $1 }
    }

    /// The cross condition of `a` and `b` as 1/0, with the comparisons of `CrossesAbove` and
    /// `CrossesBelow` (bar 0 is false; a comparison with NaN is false). `output` may be `a`'s or `b`'s
    /// own buffer: each bar's inputs are read, and kept for the next bar, before its output is written.
    static func cross(
        _ cross: Cross, _ a: UnsafeBufferPointer<Double>, _ b: UnsafeBufferPointer<Double>,
        _ output: UnsafeMutableBufferPointer<Double>
    ) {
        let count = min(output.count, a.count, b.count)
        guard count > 0, let a = a.baseAddress, let b = b.baseAddress, let out = output.baseAddress else { return }
        // `a` crosses below `b` exactly when `b` crosses above `a` (the same two comparisons).
        switch cross {
        case .above: crossAbove(a, b, out, count)
        case .below: crossAbove(b, a, out, count)
        }
    }

    /// `out[i] = a[i − 1] < b[i − 1] && a[i] > b[i] ? 1 : 0`, four bars at a time without branches.
    private static func crossAbove(
        _ a: UnsafePointer<Double>, _ b: UnsafePointer<Double>, _ out: UnsafeMutablePointer<Double>, _ count: Int
    ) {
        @inline(__always) func four(_ base: UnsafePointer<Double>, _ index: Int) -> SIMD4<Double> {
            UnsafeRawPointer(base + index).loadUnaligned(as: SIMD4<Double>.self)
        }
        var previousA = a[0]
        var previousB = b[0]
        out[0] = 0
        var index = 1
        while index + 4 <= count {
            let currentA = four(a, index)
            let currentB = four(b, index)
            let earlierA = SIMD4(previousA, currentA[0], currentA[1], currentA[2])
            let earlierB = SIMD4(previousB, currentB[0], currentB[1], currentB[2])
            let crossed = (earlierA .< earlierB) .& (currentA .> currentB)
            let values = SIMD4<Double>(repeating: 0).replacing(with: 1, where: crossed)
            UnsafeMutableRawPointer(out + index).storeBytes(of: values, as: SIMD4<Double>.self)
            previousA = currentA[3]
            previousB = currentB[3]
            index += 4
        }
        while index < count {
            let (currentA, currentB) = (a[index], b[index])
            out[index] = previousA < previousB && currentA > currentB ? 1 : 0
            (previousA, previousB) = (currentA, currentB)
            index += 1
        }
    }

    // MARK: - Loops

    /// One input; `output` may be the input's own buffer.
    @inline(__always)
    private static func map(
        _ x: Operand, _ output: UnsafeMutableBufferPointer<Double>, _ body: (Double) -> Double
    ) {
        guard let out = output.baseAddress else { return }
        let count = output.count
        switch x {
        case .column(let column):
            guard let x = column.baseAddress else { return }
            for index in 0..<count { out[index] = body(x[index]) }
        case .constant(let value):
            let result = body(value)
            for index in 0..<count { out[index] = result }
        }
    }

    /// Two inputs; `output` may be either input's buffer.
    @inline(__always)
    private static func zip(
        _ lhs: Operand, _ rhs: Operand, _ output: UnsafeMutableBufferPointer<Double>,
        _ body: (Double, Double) -> Double
    ) {
        guard let out = output.baseAddress else { return }
        let count = output.count
        switch (lhs, rhs) {
        case (.column(let a), .column(let b)):
            guard let a = a.baseAddress, let b = b.baseAddress else { return }
            for index in 0..<count { out[index] = body(a[index], b[index]) }
        case (.column(let a), .constant(let b)):
            guard let a = a.baseAddress else { return }
            for index in 0..<count { out[index] = body(a[index], b) }
        case (.constant(let a), .column(let b)):
            guard let b = b.baseAddress else { return }
            for index in 0..<count { out[index] = body(a, b[index]) }
        case (.constant(let a), .constant(let b)):
            let result = body(a, b)
            for index in 0..<count { out[index] = result }
        }
    }

    /// Two operands selected by a condition column; `output` may be any input's buffer.
    @inline(__always)
    private static func zip(
        _ lhs: Operand, _ rhs: Operand, _ output: UnsafeMutableBufferPointer<Double>,
        _ test: UnsafeBufferPointer<Double>, _ body: (Double, Double, Double) -> Double
    ) {
        guard let out = output.baseAddress, let c = test.baseAddress else { return }
        let count = output.count
        switch (lhs, rhs) {
        case (.column(let a), .column(let b)):
            guard let a = a.baseAddress, let b = b.baseAddress else { return }
            for index in 0..<count { out[index] = body(a[index], b[index], c[index]) }
        case (.column(let a), .constant(let b)):
            guard let a = a.baseAddress else { return }
            for index in 0..<count { out[index] = body(a[index], b, c[index]) }
        case (.constant(let a), .column(let b)):
            guard let b = b.baseAddress else { return }
            for index in 0..<count { out[index] = body(a, b[index], c[index]) }
        case (.constant(let a), .constant(let b)):
            for index in 0..<count { out[index] = body(a, b, c[index]) }
        }
    }
}
