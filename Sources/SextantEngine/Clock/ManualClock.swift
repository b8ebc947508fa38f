import Synchronization

/// A clock that moves only when told to (or when slept on): tests see every wait and never wait.
public final class ManualClock: EngineClock {
    private let state: Mutex<(now: Double, sleeps: [Double])>

    /// A clock reading `start` seconds since the epoch.
    public init(start: Double = 0) {
        state = Mutex((start, []))
    }

    public func now() -> Double { state.withLock { $0.now } }

    /// Records the wait and moves the clock forward by it.
    public func sleep(seconds: Double) async throws {
        state.withLock { state in
            state.sleeps.append(seconds)
            state.now += max(0, seconds)
        }
    }

    /// Moves the clock forward.
    public func advance(by seconds: Double) { state.withLock { $0.now += seconds } }

    /// Every wait asked for, in order.
    public var sleeps: [Double] { state.withLock { $0.sleeps } }
}
