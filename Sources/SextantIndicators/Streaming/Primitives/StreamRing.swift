/// A fixed ring of the last `capacity` values pushed, the window storage of the streams.
///
/// State: the values and the slot of the next push. Storage is allocated once, in `init`; pushes only
/// overwrite. A `ContiguousArray` keeps value semantics (a copied stream owns its window) at the cost
/// of a uniqueness check per write, which the optimizer hoists or keeps at one compare.
struct StreamRing: Sendable {
    private var storage: ContiguousArray<Double>
    /// The slot the next push writes.
    private var head = 0
    /// How many values the ring holds once full.
    let capacity: Int

    /// A ring for `capacity` values (at least one).
    init(capacity: Int) {
        self.capacity = Swift.max(capacity, 1)
        storage = ContiguousArray(repeating: 0, count: self.capacity)
    }

    /// Stores `value` and returns the value it overwrote: the one pushed `capacity` pushes ago (0 until
    /// the ring has filled once).
    @inline(__always)
    @discardableResult
    mutating func push(_ value: Double) -> Double {
        let slot = head
        let old = storage[slot]
        storage[slot] = value
        head = slot + 1 == capacity ? 0 : slot + 1
        return old
    }

    /// The value pushed `age` pushes before the newest (`age` 0 is the newest; `age < capacity`).
    @inline(__always)
    func back(_ age: Int) -> Double {
        var slot = head - 1 - age
        if slot < 0 { slot += capacity }
        return storage[slot]
    }

    /// Calls `body` with the last `count` values pushed (`count ≤ capacity`), oldest first: the order in
    /// which the batch kernels sum a window. Two plain loops over the ring's two segments, so a window
    /// scan has no per-value wrap test.
    @inline(__always)
    func forEachOldestFirst(_ count: Int, _ body: (Double) -> Void) {
        storage.withUnsafeBufferPointer { buffer in
            var start = head - count
            if start < 0 { start += capacity }
            let end = start + count
            if end <= capacity {
                for slot in start..<end { body(buffer[slot]) }
            } else {
                for slot in start..<capacity { body(buffer[slot]) }
                for slot in 0..<(end - capacity) { body(buffer[slot]) }
            }
        }
    }

    /// Calls `body` with the last `count` values pushed (`count ≤ capacity`), newest first.
    @inline(__always)
    func forEachNewestFirst(_ count: Int, _ body: (Double) -> Void) {
        storage.withUnsafeBufferPointer { buffer in
            let recent = Swift.min(count, head)
            for slot in stride(from: head - 1, through: head - recent, by: -1) { body(buffer[slot]) }
            let older = count - recent
            for slot in stride(from: capacity - 1, through: capacity - older, by: -1) { body(buffer[slot]) }
        }
    }

    /// Forgets the order of the values (their contents are rewritten before they are read again).
    @inline(__always)
    mutating func reset() { head = 0 }
}
