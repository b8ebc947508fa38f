import SextantCore

/// Column buffers for the batch evaluator, recycled as soon as their last reader has run so that peak
/// memory stays near (live columns × bars × 8 bytes) rather than (nodes × bars × 8).
final class ColumnPool {
    let count: Int
    /// Whether new buffers are written once when allocated (see `take()`).
    let touch: Bool
    /// Seconds spent allocating and touching new buffers, kept apart from the nodes' compute times.
    private(set) var allocationSeconds: Double = 0
    private var free: [UnsafeMutableBufferPointer<Double>] = []
    private var all: [UnsafeMutableBufferPointer<Double>] = []

    /// A pool of `count`-value buffers; `touch` fills each new buffer with NaN when it is allocated.
    init(count: Int, touch: Bool = false) {
        self.count = count
        self.touch = touch
    }

    deinit {
        for buffer in all { HugePages.deallocate(buffer) }
    }

    /// A buffer of `count` values (contents unspecified, NaN for a new buffer of a touching pool).
    ///
    /// A new buffer's pages are mapped by the OS on their first write, which on a busy machine costs
    /// more than a fast kernel's whole pass (several ns a bar against SMA's 0.5). A touching pool
    /// takes that cost here, counted in `allocationSeconds`, so that a node's measured time is its
    /// compute and `eval --timings` reports what the indicator benchmark measures.
    func take() -> UnsafeMutableBufferPointer<Double> {
        if let buffer = free.popLast() { return buffer }
        let clock = ContinuousClock()
        let started = clock.now
        let buffer = HugePages.allocate(count: count)
        if touch { buffer.initialize(repeating: .nan) }
        all.append(buffer)
        allocationSeconds += (clock.now - started).seconds
        return UnsafeMutableBufferPointer(rebasing: buffer[0..<count])
    }

    /// Returns a buffer for reuse.
    func give(_ buffer: UnsafeMutableBufferPointer<Double>) {
        free.append(buffer)
    }

    /// The bytes allocated so far: the evaluation's peak column memory.
    var allocatedBytes: Int { all.count * count * MemoryLayout<Double>.stride }
}
