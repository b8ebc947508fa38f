/// What a batch evaluation computed.
public struct BatchResult: Sendable {
    /// The kept output columns by output name (NaN where a value is missing; conditions as 1/0).
    public var columns: [String: [Double]]
    /// Compute seconds per node (zero for nodes that needed no work), when timings were asked for.
    /// They leave out allocating and first touching new column buffers: see `allocationSeconds`.
    public var nodeSeconds: [Double]
    /// Every node's first column, when `keepNodes` was asked for (nil for state-stage nodes):
    /// for tests that compare evaluators node by node.
    public var nodeColumns: [[Double]?]
    /// The most column memory the evaluation held at once, in bytes.
    public var peakBytes: Int
    /// Seconds spent allocating column buffers and, when timings were asked for, writing each once so
    /// that the OS maps its pages before a node runs (page faults are not a node's compute).
    public var allocationSeconds: Double
}
