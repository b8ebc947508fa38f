/// Evaluated columns by node, for `BatchEvaluator.withColumns`: a column for each node that has one,
/// held in the graph's node order.
///
/// An array by node index rather than a dictionary: a dictionary keyed by `NodeID` is a generic type
/// whose metadata the runtime builds on first use by searching every loaded library's conformances
/// for `NodeID: Hashable`, which cost a million-bar backtest about 0.2 ms of its compute.
public struct NodeColumns {
    private var columns: [UnsafeBufferPointer<Double>?]
    /// The caller's spare buffer (`BatchEvaluator.withColumns(of:in:data:spare:_:)`), when the
    /// evaluation left no column in it: the caller may write it (its contents are unspecified).
    public internal(set) var spare: UnsafeMutableBufferPointer<Double>?

    /// No columns, for a graph of `count` nodes.
    public init(count: Int) {
        columns = [UnsafeBufferPointer<Double>?](repeating: nil, count: count)
    }

    /// The column of `node`, nil when it has none (a constant, a state-stage node, one not evaluated).
    public subscript(node: NodeID) -> UnsafeBufferPointer<Double>? {
        get { node.index < columns.count ? columns[node.index] : nil }
        set { columns[node.index] = newValue }
    }
}
