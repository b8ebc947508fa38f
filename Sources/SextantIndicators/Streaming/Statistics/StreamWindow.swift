/// The last `capacity` values pushed, always readable as one contiguous buffer, oldest first: the
/// window storage of the streams whose batch kernels recompute a per-window function over a pointer.
///
/// State: a buffer of twice the capacity in which every value is written twice, at its slot and one
/// capacity further on, so the window is the `capacity` values from the slot after the newest. A push
/// is two stores; nothing is allocated after `init`. A `ContiguousArray` keeps value semantics (a
/// copied stream owns its window).
struct StreamWindow: Sendable {
    private var storage: ContiguousArray<Double>
    /// The slot the next push writes; also where the window starts once full.
    private var head = 0
    /// How many values have been pushed since the last reset, up to `capacity`.
    private(set) var count = 0
    /// How many values the window holds once full.
    let capacity: Int

    /// A window of `capacity` values (at least one).
    init(capacity: Int) {
        self.capacity = Swift.max(capacity, 1)
        storage = ContiguousArray(repeating: 0, count: 2 * self.capacity)
    }

    /// Whether `capacity` values have been pushed since the last reset.
    var isFull: Bool { count == capacity }

    /// Stores `value` as the newest of the window.
    @inline(__always)
    mutating func push(_ value: Double) {
        storage[head] = value
        storage[head + capacity] = value
        head = head + 1 == capacity ? 0 : head + 1
        if count < capacity { count += 1 }
    }

    /// Calls `body` with the full window, oldest first (`isFull` must hold).
    @inline(__always)
    func withWindow<Result>(_ body: (UnsafePointer<Double>) -> Result) -> Result {
        storage.withUnsafeBufferPointer { buffer in
            // The buffer is never empty (capacity ≥ 1), so its base address exists.
            guard let base = buffer.baseAddress else { preconditionFailure("empty window storage") }
            return body(base + head)
        }
    }

    /// Forgets the values (they are rewritten before they are read again).
    @inline(__always)
    mutating func reset() {
        head = 0
        count = 0
    }
}
