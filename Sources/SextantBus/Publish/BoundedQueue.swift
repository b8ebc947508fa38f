/// A first-in first-out ring of at most `capacity` elements that, when full, drops its oldest element to
/// take a new one: what the bus keeps while Redis is away. Dropping the oldest keeps the freshest
/// events (the latest bar, the latest state), which are what a subscriber catching up needs.
struct BoundedQueue<Element> {
    private var storage: [Element?]
    private var head = 0
    private(set) var count = 0

    /// An empty queue holding at most `capacity` (at least 1) elements.
    init(capacity: Int) {
        storage = Array(repeating: nil, count: max(1, capacity))
    }

    var capacity: Int { storage.count }
    var isEmpty: Bool { count == 0 }

    /// Appends `element`; returns the number of elements dropped to make room (0 or 1).
    @discardableResult
    mutating func append(_ element: Element) -> Int {
        var dropped = 0
        if count == capacity {
            storage[head] = nil
            head = (head + 1) % capacity
            count -= 1
            dropped = 1
        }
        storage[(head + count) % capacity] = element
        count += 1
        return dropped
    }

    /// Puts `elements` back at the front, in order (a batch whose sending failed); when they do not all
    /// fit, the oldest of them are dropped. Returns the number dropped.
    @discardableResult
    mutating func prepend(_ elements: [Element]) -> Int {
        let room = capacity - count
        let kept = elements.suffix(room)
        for element in kept.reversed() {
            head = (head - 1 + capacity) % capacity
            storage[head] = element
            count += 1
        }
        return elements.count - kept.count
    }

    /// Removes and returns up to `limit` elements from the front.
    mutating func removeFirst(upTo limit: Int) -> [Element] {
        var taken: [Element] = []
        taken.reserveCapacity(min(limit, count))
        while taken.count < limit, count > 0, let element = storage[head] {
            storage[head] = nil
            head = (head + 1) % capacity
            count -= 1
            taken.append(element)
        }
        return taken
    }
}
