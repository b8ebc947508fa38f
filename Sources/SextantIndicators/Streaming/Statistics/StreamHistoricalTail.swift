/// The sorted window of the historical VaR and CVaR streams, bar by bar: the streaming form of
/// `HistoricalTail`, shared by `VaRHistoricalStream` and `CVaRHistoricalStream`.
///
/// State: the batch kernel's own `SortedWindow` (in a box, as it is non-copyable), the window in a
/// ring to know the value leaving, and the count of values seen. It replays the batch's sequence on
/// the sorted window exactly — insert the new value, read the window, remove the oldest — so the
/// sorted buffer holds the same values in the same order (equal values such as 0 and −0 included) and
/// `LinearQuantile.ofSorted` and `HistoricalTail.shortfall` see what the batch's do. O(length) per
/// bar (the insertion's shift), as the batch.
struct StreamHistoricalTail: Sendable {
    /// The window length (≥ 1).
    let length: Int
    private var sorted: SortedWindowBox
    private var window: StreamRing
    private var seen = 0

    /// A sorted window of `length` values (at least 1).
    init(length: Int) {
        self.length = Swift.max(length, 1)
        sorted = SortedWindowBox(capacity: self.length)
        window = StreamRing(capacity: self.length)
    }

    /// Takes the next value; returns `body` applied to the sorted window (`length` values, ascending),
    /// or nil during the warm-up.
    @inline(__always)
    mutating func next<Result>(_ value: Double, _ body: (UnsafePointer<Double>, Int) -> Result) -> Result? {
        makeUnique()
        sorted.window.insert(value)
        window.push(value)
        guard seen + 1 >= length else {
            seen += 1
            return nil
        }
        seen = length
        let result = body(sorted.window.values, length)
        // The oldest value leaves after the window is read, as in the batch kernel.
        sorted.window.remove(window.back(length - 1))
        return result
    }

    /// Forgets every bar seen.
    mutating func reset() {
        makeUnique()
        sorted.window.removeAll()
        window.reset()
        seen = 0
    }

    /// Gives this stream its own sorted window if a copy shares it: the copy is rebuilt by inserting
    /// the shared values in order, which reproduces their order exactly (each lands after its equals).
    @inline(__always)
    private mutating func makeUnique() {
        guard !isKnownUniquelyReferenced(&sorted) else { return }
        let fresh = SortedWindowBox(capacity: length)
        for index in 0..<sorted.window.count { fresh.window.insert(sorted.window.values[index]) }
        sorted = fresh
    }
}

/// `SortedWindow` (non-copyable storage) in a reference, so a stream stays a copyable value.
///
/// `@unchecked Sendable`: a stream only touches its box while it holds the sole reference (it rebuilds
/// a shared box first), so no two threads ever touch one box.
final class SortedWindowBox: @unchecked Sendable {
    var window: SortedWindow

    init(capacity: Int) { window = SortedWindow(capacity: capacity) }
}
