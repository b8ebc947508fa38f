/// Column buffers for the batch evaluator, recycled as soon as their last reader has run so that peak
/// memory stays near (live columns × bars × 8 bytes) rather than (nodes × bars × 8).
final class ColumnPool {
    let count: Int
    private var free: [UnsafeMutableBufferPointer<Double>] = []
    private var all: [UnsafeMutableBufferPointer<Double>] = []

    init(count: Int) {
        self.count = count
    }

    deinit {
        for buffer in all { buffer.deallocate() }
    }

    /// A buffer of `count` values (contents unspecified).
    func take() -> UnsafeMutableBufferPointer<Double> {
        if let buffer = free.popLast() { return buffer }
        let buffer = UnsafeMutableBufferPointer<Double>.allocate(capacity: max(count, 1))
        all.append(buffer)
        return UnsafeMutableBufferPointer(rebasing: buffer[0..<count])
    }

    /// Returns a buffer for reuse.
    func give(_ buffer: UnsafeMutableBufferPointer<Double>) {
        free.append(buffer)
    }

    /// The bytes allocated so far: the evaluation's peak column memory.
    var allocatedBytes: Int { all.count * count * MemoryLayout<Double>.stride }
}
