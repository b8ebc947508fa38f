import Testing

@testable import SextantBus

@Suite struct BoundedQueueTests {
    @Test func keepsOrderAndDropsTheOldestWhenFull() {
        var queue = BoundedQueue<Int>(capacity: 3)
        var dropped = 0
        for value in 1...5 { dropped += queue.append(value) }
        #expect(dropped == 2)
        #expect(queue.count == 3)
        #expect(queue.removeFirst(upTo: 2) == [3, 4])
        #expect(queue.removeFirst(upTo: 10) == [5])
        #expect(queue.isEmpty)
    }

    @Test func aFailedBatchGoesBackToTheFrontInOrder() {
        var queue = BoundedQueue<Int>(capacity: 4)
        for value in 1...4 { queue.append(value) }
        let batch = queue.removeFirst(upTo: 3)
        queue.append(5)
        #expect(queue.prepend(batch) == 1)  // room for two of the three: the oldest (1) goes
        #expect(queue.removeFirst(upTo: 10) == [2, 3, 4, 5])
    }

    @Test func wrapsAroundManyTimes() {
        var queue = BoundedQueue<Int>(capacity: 5)
        var expected: [Int] = []
        var received: [Int] = []
        for value in 0..<1000 {
            queue.append(value)
            expected.append(value)
            if value % 2 == 0 { received += queue.removeFirst(upTo: 2) }
        }
        received += queue.removeFirst(upTo: .max)
        // Nothing dropped (at most 2 outstanding at any time here), so everything arrives in order.
        #expect(received == expected)
    }
}
