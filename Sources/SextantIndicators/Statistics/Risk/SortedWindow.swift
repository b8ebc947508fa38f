/// The values of a sliding window kept in ascending order, for order statistics of every window in
/// O(n) per bar (a binary search and one `memmove` to drop the oldest value and insert the newest)
/// instead of a sort per bar. Storage is allocated once.
struct SortedWindow: ~Copyable {
    /// The values, ascending, in `values[0..<count]`.
    let values: UnsafeMutablePointer<Double>
    private(set) var count = 0
    private let capacity: Int

    /// A window of at most `capacity` values.
    init(capacity: Int) {
        self.capacity = Swift.max(capacity, 1)
        values = .allocate(capacity: self.capacity)
    }

    deinit { values.deallocate() }

    /// Inserts `value` (not NaN) after any equal values.
    mutating func insert(_ value: Double) {
        precondition(count < capacity, "sorted window is full")
        var low = 0
        var high = count
        while low < high {
            let middle = (low + high) / 2
            if values[middle] <= value { low = middle + 1 } else { high = middle }
        }
        (values + low + 1).update(from: values + low, count: count - low)
        values[low] = value
        count += 1
    }

    /// Removes one value equal to `value`, which must be in the window.
    mutating func remove(_ value: Double) {
        var low = 0
        var high = count
        while low < high {
            let middle = (low + high) / 2
            if values[middle] < value { low = middle + 1 } else { high = middle }
        }
        precondition(low < count && values[low] == value, "value to remove is not in the sorted window")
        (values + low).update(from: values + low + 1, count: count - low - 1)
        count -= 1
    }

    /// Empties the window.
    mutating func removeAll() { count = 0 }
}
