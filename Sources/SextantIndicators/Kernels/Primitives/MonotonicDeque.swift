/// A monotonic deque of bar indices: the O(1) amortized extreme of a sliding window.
///
/// For a window maximum it keeps indices whose values strictly decrease from front to back; a new
/// value first drops every back entry it ties or beats, so on ties the *most recent* bar is the
/// extreme (TA-Lib's AROON convention; the value is the same either way). The front is the window's
/// extreme once indices older than the window have been dropped with `expire(before:)`. Storage is
/// a power-of-two ring allocated once, so pushes and pops never allocate.
struct MonotonicDeque: ~Copyable {
    /// Which extreme the deque tracks.
    enum Kind {
        case maximum
        case minimum
    }

    private let storage: UnsafeMutablePointer<Int>
    private let mask: Int
    private var head = 0
    private var tail = 0
    private let kind: Kind

    /// A deque for windows of up to `window` bars.
    init(window: Int, kind: Kind) {
        var capacity = 1
        while capacity < window + 1 { capacity <<= 1 }
        storage = .allocate(capacity: capacity)
        mask = capacity - 1
        self.kind = kind
    }

    deinit { storage.deallocate() }

    /// Whether the deque holds no index.
    var isEmpty: Bool { head == tail }

    /// The index of the window's extreme (the deque must not be empty).
    var front: Int { storage[head & mask] }

    /// Adds bar `index` with `value`, dropping the entries it supersedes.
    @inline(__always)
    mutating func push(_ index: Int, in values: UnsafePointer<Double>) {
        let value = values[index]
        switch kind {
        case .maximum:
            while tail != head, values[storage[(tail - 1) & mask]] <= value { tail -= 1 }
        case .minimum:
            while tail != head, values[storage[(tail - 1) & mask]] >= value { tail -= 1 }
        }
        storage[tail & mask] = index
        tail += 1
    }

    /// Drops the indices older than `oldest`.
    @inline(__always)
    mutating func expire(before oldest: Int) {
        while tail != head, storage[head & mask] < oldest { head += 1 }
    }

    /// Empties the deque.
    mutating func removeAll() {
        head = 0
        tail = 0
    }
}
