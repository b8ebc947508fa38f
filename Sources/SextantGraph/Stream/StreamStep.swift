public import SextantCore
import SextantIndicators
import SextantLanguage

/// One node's per-bar work, resolved once when a `StreamEvaluator` is made: operand positions in the
/// evaluator's flat value storage instead of node IDs, and no names or input lists to copy per bar (a
/// graph node carries both, and copying it per node per bar was most of the live path's cost).
enum StreamStep {
    /// Nothing to do (a constant, or a kernel without a stream).
    case skip
    /// A field of the primary symbol's bar.
    case primaryBar(BarName)
    /// A field of another symbol's bar.
    case aliasBar(BarName, alias: String)
    /// An account or position variable.
    case state(StateVariable)
    /// A kernel: its stream and its inputs' offsets.
    case kernel(StreamBox, inputs: [Int])
    /// A unary operator on the value at an offset.
    case unary(UnaryOperator, Int)
    /// A binary operator on the values at two offsets.
    case binary(BinaryOperator, Int, Int)
    /// `condition ? then : else` at three offsets.
    case conditional(Int, Int, Int)
    /// `x[bars]`: the input's offset and width, through the node's history.
    case shift(input: Int, width: Int)
    /// One column of a multi-column node: the column's offset (NaN when out of range).
    case field(Int?)
}
