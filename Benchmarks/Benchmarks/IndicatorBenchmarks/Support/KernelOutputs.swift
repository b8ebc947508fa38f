/// Output buffers for the batch kernels, allocated and written once before any timing.
///
/// Three columns cover the widest kernel (MACD, BBANDS). Filling them at `init` maps every page, so a
/// timed run pays for the kernel's stores, not for the first-touch page faults of fresh memory (the
/// TA-Lib side of scripts/bench-indicators.sh pre-fills its outputs for the same reason).
public final class KernelOutputs: @unchecked Sendable {
    /// Length of each column.
    public let count: Int
    /// First output column.
    public let first: UnsafeMutableBufferPointer<Double>
    /// Second output column.
    public let second: UnsafeMutableBufferPointer<Double>
    /// Third output column.
    public let third: UnsafeMutableBufferPointer<Double>

    /// Three columns of `count` doubles, filled with NaN.
    public init(count: Int) {
        self.count = count
        first = .allocate(capacity: count)
        second = .allocate(capacity: count)
        third = .allocate(capacity: count)
        for column in [first, second, third] { column.initialize(repeating: .nan) }
    }

    deinit {
        for column in [first, second, third] { column.deallocate() }
    }
}
