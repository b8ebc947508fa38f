import SextantGraph

/// A value the simulation reads at a bar: a constant, a precomputed market column, or a state-stage
/// node evaluated by the `StateEvaluator` for the current bar.
struct BarInput {
    enum Source {
        case constant(Double)
        /// A column evaluated by the batch evaluator, read in place while the program lives.
        case column(UnsafeBufferPointer<Double>)
        case state(NodeID)
    }

    let source: Source

    /// The value at `bar` (state nodes: as of the evaluator's latest step, which is `bar`).
    @inline(__always)
    func at(_ bar: Int, _ state: StateEvaluator) -> Double {
        switch source {
        case .constant(let value): value
        case .column(let column): column[bar]
        case .state(let node): state.value(of: node, at: bar)
        }
    }

    /// True at `bar` (conditions are 1/0; NaN is false).
    @inline(__always)
    func isTrue(_ bar: Int, _ state: StateEvaluator) -> Bool { at(bar, state) == 1 }
}
