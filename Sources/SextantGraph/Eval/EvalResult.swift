/// What `sextant eval` computed.
public struct EvalResult: Sendable {
    /// Bar times (seconds since the epoch, UTC).
    public var time: [Int64]
    /// One column per requested name, in request order.
    public var columns: [(name: String, isCondition: Bool, values: [Double])]
    /// Seconds spent reading and aligning the bar files.
    public var loadSeconds: Double
    /// Compute seconds of the nodes each column needs (shared nodes count for every column using them).
    public var columnSeconds: [String: Double]
    /// Compute seconds of the whole graph (shared nodes counted once).
    public var computeSeconds: Double
    /// Seconds spent allocating and first touching column buffers (kept apart from node times so a
    /// column's time is its kernels' work).
    public var allocationSeconds: Double
    /// The most column memory held at once, in bytes.
    public var peakBytes: Int
}
