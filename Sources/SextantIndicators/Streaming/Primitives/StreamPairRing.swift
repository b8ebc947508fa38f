/// A fixed ring of the last `capacity` pairs pushed: `StreamRing` for two series that always move
/// together (the windows of `StreamCovariance`).
///
/// One array holds both series side by side, so a push writes both through one mutable access: one
/// uniqueness check of the `ContiguousArray` (which keeps value semantics) instead of one per series.
struct StreamPairRing: Sendable {
    private var storage: ContiguousArray<Double>
    /// The pair slot the next push writes.
    private var head = 0
    /// How many pairs the ring holds once full.
    let capacity: Int

    /// A ring for `capacity` pairs (at least one).
    init(capacity: Int) {
        self.capacity = Swift.max(capacity, 1)
        storage = ContiguousArray(repeating: 0, count: 2 * self.capacity)
    }

    /// Stores the pair `(x, y)`.
    @inline(__always)
    mutating func push(_ x: Double, _ y: Double) {
        let slot = head
        storage.withUnsafeMutableBufferPointer { buffer in
            buffer[2 * slot] = x
            buffer[2 * slot + 1] = y
        }
        head = slot + 1 == capacity ? 0 : slot + 1
    }

    /// The pair pushed `age` pushes before the newest (`age` 0 is the newest; `age < capacity`).
    @inline(__always)
    func back(_ age: Int) -> (x: Double, y: Double) {
        var slot = head - 1 - age
        if slot < 0 { slot += capacity }
        return (storage[2 * slot], storage[2 * slot + 1])
    }

    /// Forgets the order of the pairs (their contents are rewritten before they are read again).
    @inline(__always)
    mutating func reset() { head = 0 }
}
