/// A monotonic deque of (bar index, value) pairs: the O(1) amortized extreme of a sliding window, the
/// streaming form of `MonotonicDeque` with the same tie rule.
///
/// For a maximum it keeps values that strictly decrease from front to back; a new value first drops
/// every back entry it ties or beats, so on ties the most recent bar is the extreme. State: the pairs
/// in a power-of-two ring allocated once (the values are kept because a stream has no column to look
/// them up in) and its front and back counters.
struct StreamDeque: Sendable {
    /// One buffer of pairs, so that a push checks uniqueness once.
    private var entries: ContiguousArray<(value: Double, index: Int)>
    private let mask: Int
    private var head = 0
    private var tail = 0
    private let isMaximum: Bool

    /// A deque for windows of up to `window` bars; `maximum` chooses the extreme.
    init(window: Int, maximum: Bool) {
        var capacity = 1
        while capacity < window + 1 { capacity <<= 1 }
        entries = ContiguousArray(repeating: (0, 0), count: capacity)
        mask = capacity - 1
        isMaximum = maximum
    }

    /// The value of the window's extreme (the deque must not be empty).
    @inline(__always)
    var frontValue: Double { entries[head & mask].value }

    /// The bar index of the window's extreme (the deque must not be empty).
    @inline(__always)
    var frontIndex: Int { entries[head & mask].index }

    /// Adds bar `index` with `value`, dropping the entries it supersedes.
    @inline(__always)
    mutating func push(_ index: Int, _ value: Double) {
        if isMaximum {
            while tail != head, entries[(tail - 1) & mask].value <= value { tail -= 1 }
        } else {
            while tail != head, entries[(tail - 1) & mask].value >= value { tail -= 1 }
        }
        entries[tail & mask] = (value, index)
        tail += 1
    }

    /// Drops the entries older than bar `oldest`.
    @inline(__always)
    mutating func expire(before oldest: Int) {
        while tail != head, entries[head & mask].index < oldest { head += 1 }
    }

    /// Empties the deque.
    @inline(__always)
    mutating func removeAll() {
        head = 0
        tail = 0
    }
}
