/// A temporary column of doubles, allocated once per kernel call (never inside a hot loop) and freed
/// when it goes out of scope.
struct ScratchColumn: ~Copyable {
    /// The first element.
    let base: UnsafeMutablePointer<Double>

    /// Allocates `count` uninitialized doubles (at least one).
    init(count: Int) {
        base = .allocate(capacity: Swift.max(count, 1))
    }

    deinit { base.deallocate() }
}
