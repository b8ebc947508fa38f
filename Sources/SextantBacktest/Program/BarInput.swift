import SextantGraph

/// A value the simulation reads at a bar: a constant, a precomputed market column, a state-stage node
/// of the backtest's `StateEvaluator`, or any node of a live `StreamEvaluator`.
struct BarInput {
    enum Source {
        case constant(Double)
        /// A column evaluated by the batch evaluator, read in place while the program lives.
        case column(UnsafeBufferPointer<Double>)
        /// A state-stage node, as of the evaluator's latest step.
        case state(StateEvaluator, NodeID)
        /// A node of a stream evaluator, as of its latest bar (the engine's path).
        case live(StreamEvaluator, NodeID)
    }

    let source: Source

    /// The value at `bar` (state and live nodes: as of their evaluator's latest step, which is `bar`).
    @inline(__always)
    func at(_ bar: Int) -> Double {
        switch source {
        case .constant(let value): value
        case .column(let column): column[bar]
        case .state(let evaluator, let node): evaluator.value(of: node, at: bar)
        case .live(let evaluator, let node): evaluator.value(of: node)
        }
    }

    /// True at `bar` (conditions are 1/0; NaN is false).
    @inline(__always)
    func isTrue(_ bar: Int) -> Bool { at(bar) == 1 }

    /// NaN: an input that is not there.
    static var missing: BarInput { BarInput(source: .constant(.nan)) }
}
