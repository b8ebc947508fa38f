/// Caps how many test databases exist at once. Swift Testing starts every test case together; on a
/// 2-core machine sixty databases being created, migrated and hammered at once starve each other past
/// any sane store timeout, which would test the machine instead of the store.
actor DatabaseGate {
    static let shared = DatabaseGate(limit: 4)

    private let limit: Int
    private var inUse = 0
    private var waiting: [CheckedContinuation<Void, Never>] = []

    init(limit: Int) {
        self.limit = limit
    }

    /// Waits for a free slot.
    func enter() async {
        if inUse < limit {
            inUse += 1
            return
        }
        await withCheckedContinuation { waiting.append($0) }
    }

    /// Frees a slot, handing it to the longest waiter.
    func leave() {
        if waiting.isEmpty {
            inUse -= 1
        } else {
            waiting.removeFirst().resume()
        }
    }
}
