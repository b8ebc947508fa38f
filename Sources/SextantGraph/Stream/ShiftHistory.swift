/// The last `bars + 1` values of a node, for `x[bars]`.
struct ShiftHistory {
    private var ring: [[Double]]
    private var next = 0
    private var filled = 0
    private let bars: Int

    init(bars: Int, width: Int) {
        self.bars = bars
        ring = [[Double]](repeating: [Double](repeating: .nan, count: width), count: bars + 1)
    }

    /// Adds the newest value and returns the one `bars` back (NaN until there is one).
    mutating func push(_ value: [Double]) -> [Double] {
        ring[next] = value
        let result = filled >= bars ? ring[(next + 1) % ring.count] : [Double](repeating: .nan, count: value.count)
        next = (next + 1) % ring.count
        filled = min(filled + 1, bars + 1)
        return result
    }
}
