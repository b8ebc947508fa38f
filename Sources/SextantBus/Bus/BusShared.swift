import Foundation

/// What the engine's threads and the bus's thread share, all behind one condition lock: the engine's
/// calls (`publish`, `isLeader`, `killFlag`…) hold it for a few instructions and never wait on Redis.
final class BusShared: @unchecked Sendable {
    /// How the bus thread should stop.
    enum Stop {
        /// Flush what is queued until the deadline, release the lock, mark the engine stopped.
        case graceful(deadline: ContinuousClock.Instant)
        /// Just close the connection, as a crash would (tests of lock takeover).
        case abandon
    }

    private let condition = NSCondition()
    // Everything below is guarded by `condition`.
    private var queue: BoundedQueue<BusMessage>
    private var statistics = BusStatistics()
    private var engineState: [String: String] = [:]
    private var stateDirty = false
    private var leaderUntil: ContinuousClock.Instant?
    private var kill: BusKillMode?
    private var stop: Stop?
    private var finished = false

    init(queueCapacity: Int) {
        queue = BoundedQueue(capacity: queueCapacity)
    }

    private func locked<Result>(_ body: () throws -> Result) rethrows -> Result {
        condition.lock()
        defer { condition.unlock() }
        return try body()
    }

    // MARK: - Called by the engine

    func enqueue(_ message: BusMessage) {
        locked {
            statistics.dropped += queue.append(message)
            condition.signal()
        }
    }

    func enqueue(contentsOf messages: [BusMessage]) {
        guard !messages.isEmpty else { return }
        locked {
            for message in messages { statistics.dropped += queue.append(message) }
            condition.signal()
        }
    }

    func mergeEngineState(_ fields: [String: String]) {
        locked {
            engineState.merge(fields) { _, new in new }
            stateDirty = true
            condition.signal()
        }
    }

    func isLeader(at now: ContinuousClock.Instant) -> Bool {
        locked { leaderUntil.map { now < $0 } ?? false }
    }

    var killFlag: BusKillMode? { locked { kill } }

    var currentStatistics: BusStatistics {
        locked {
            var copy = statistics
            copy.queued = queue.count
            return copy
        }
    }

    /// Asks the bus thread to stop (the first request wins) and waits until it has.
    func requestStop(_ request: Stop, wait: Bool) {
        locked {
            if stop == nil { stop = request }
            condition.broadcast()
            while wait && !finished { condition.wait() }
        }
    }

    // MARK: - Called by the bus thread

    func take(upTo limit: Int) -> [BusMessage] {
        locked { queue.removeFirst(upTo: limit) }
    }

    func putBack(_ messages: [BusMessage]) {
        locked { statistics.dropped += queue.prepend(messages) }
    }

    /// The engine state to write, if it changed since the last write (or a reconnect marked it).
    func takeEngineState() -> [String: String]? {
        locked {
            guard stateDirty else { return nil }
            stateDirty = false
            return engineState
        }
    }

    func markStateDirty() {
        locked { stateDirty = true }
    }

    func update(_ change: (inout BusStatistics) -> Void) {
        locked { change(&statistics) }
    }

    func setLeaderUntil(_ instant: ContinuousClock.Instant?) {
        locked { leaderUntil = instant }
    }

    func setKillFlag(_ mode: BusKillMode?) {
        locked { kill = mode }
    }

    var stopRequest: Stop? { locked { stop } }

    /// Waits until `deadline`, or until there is something to do: a stop, and unless `forWork` is false
    /// (no connection to send on, so queued work must not wake the thread into a busy loop) a message or
    /// new engine state.
    func wait(until deadline: ContinuousClock.Instant, forWork: Bool = true) {
        locked {
            while stop == nil && !(forWork && (!queue.isEmpty || stateDirty)) {
                let remaining = deadline - ContinuousClock.now
                guard remaining > .zero else { return }
                let seconds = Double(remaining.components.seconds) + Double(remaining.components.attoseconds) * 1e-18
                _ = condition.wait(until: Date(timeIntervalSinceNow: seconds))
            }
        }
    }

    func markFinished() {
        locked {
            finished = true
            condition.broadcast()
        }
    }
}
