import Foundation
public import Logging

/// The engine's link to Redis: publishes its events on the account's channels, caches the latest bar
/// per symbol and the engine's state, keeps a heartbeat, holds the leader lock and reads the kill
/// switch flag (`docs/bus.md`).
///
/// Nothing the engine calls waits on Redis. `publish` queues (bounded; when full the oldest message is
/// dropped and counted); `isLeader`, `mayTrade` and `killFlag()` read what the bus's own thread last
/// learnt. That thread owns the connection, reconnects by itself with capped exponential backoff, and
/// rewrites the heartbeat, state and lock after each reconnect. If Redis goes away, publishing is
/// queued then dropped and trading goes on — except that the leader lock cannot be renewed, so
/// `isLeader` turns false when the lease may have expired, and the engine must stop sending new orders.
///
/// ```swift
/// let url = try BusURL("redis://127.0.0.1:6379").withEnvironmentPassword()
/// let bus = try RedisBus(configuration: BusConfiguration(url: url, account: "paper", engineID: "engine-1"))
/// bus.publish(BusMessage(.bar, symbol: "GOOG", line: EventEncoder.line(event)))
/// if !bus.mayTrade || bus.killFlag() != nil { /* no new orders this bar */ }
/// bus.close()
/// ```
public final class RedisBus: Sendable {
    /// What the bus was made with.
    public let configuration: BusConfiguration
    /// The account's key and channel names.
    public let keys: BusKeys
    /// The value this engine writes in the leader key while it holds it: `<engine id>:<random UUID>`,
    /// unique per process so that a restarted engine never mistakes an old lock for its own.
    public let lockToken: String
    /// Each change of leadership (`true`: acquired, `false`: lost or released), shortly after it happens;
    /// finishes when the bus closes. Buffers the newest 16 changes for a slow reader; iterate it from one
    /// task only. `isLeader` is exact at any instant; this stream is for reacting without polling.
    public let leadershipChanges: AsyncStream<Bool>

    private let shared: BusShared

    /// Starts the bus's thread, which connects in the background: an unreachable server is not an error
    /// here (the engine trades without the bus until it comes), but shows in `statistics`.
    ///
    /// Fails only for an account or engine id that cannot be part of a key (`BusError.invalidName`).
    public init(configuration: BusConfiguration, logger: Logger = Logger(label: "sextant.bus")) throws(BusError) {
        try BusKeys.validate(configuration.engineID, kind: "engine id")
        let keys = try BusKeys(account: configuration.account)
        let token = "\(configuration.engineID):\(UUID().uuidString.lowercased())"
        let shared = BusShared(queueCapacity: configuration.queueCapacity)
        let (stream, continuation) = AsyncStream.makeStream(of: Bool.self, bufferingPolicy: .bufferingNewest(16))
        self.configuration = configuration
        self.keys = keys
        self.lockToken = token
        self.shared = shared
        self.leadershipChanges = stream
        let thread = Thread {
            BusWorker(
                configuration: configuration, keys: keys, token: token, shared: shared, leadership: continuation,
                logger: logger
            ).run()
        }
        thread.name = "sextant-bus"
        thread.start()
    }

    deinit {
        // Without waiting: a deinit must not block on the network. The thread holds what it needs.
        shared.requestStop(.graceful(deadline: .now + .seconds(1)), wait: false)
    }

    /// Queues `message` for its channel (and, for a bar with a symbol, the latest-bar key). Never blocks
    /// on Redis and never fails; when the queue is full the oldest queued message is dropped.
    public func publish(_ message: BusMessage) {
        shared.enqueue(message)
    }

    /// Queues `messages` in order, as `publish(_:)` does one by one, but with one wake-up of the bus
    /// thread: a bar's events then leave in one pipelined batch instead of trickling out one by one.
    public func publish(contentsOf messages: [BusMessage]) {
        shared.enqueue(contentsOf: messages)
    }

    /// Merges `fields` into the engine's state hash (`sextant:<account>:engine:<id>`), e.g.
    /// `["status": "running", "version": "3f2a…"]`; written soon after, and again after each reconnect.
    /// The bus adds `pid` and `started`, and sets `status` to `stopped` when it closes.
    public func setEngineState(_ fields: [String: String]) {
        shared.mergeEngineState(fields)
    }

    /// Whether this engine holds the leader lock at this instant: true only while the lock's key surely
    /// still holds this engine's token on the server. False without a lock configured.
    public var isLeader: Bool {
        shared.isLeader(at: .now)
    }

    /// Whether this engine may send new orders as far as the bus is concerned: it holds the leader lock,
    /// or no lock is configured. (The kill flag is separate: `killFlag()`.)
    public var mayTrade: Bool {
        configuration.leaderLock == nil || isLeader
    }

    /// The kill switch flag as last read (at most `killPollInterval` ago while connected; the last value
    /// seen while Redis is away): nil when not engaged.
    public func killFlag() -> BusKillMode? {
        shared.killFlag
    }

    /// The counters so far.
    public var statistics: BusStatistics {
        shared.currentStatistics
    }

    /// Waits (without blocking a thread) until this engine is leader or `timeout` passes; returns
    /// whether it is. For start-up: a second engine of the account waits here as a standby.
    public func waitForLeadership(timeout: Duration) async -> Bool {
        let deadline = ContinuousClock.now + timeout
        while !isLeader {
            guard ContinuousClock.now < deadline else { return false }
            try? await Task.sleep(for: .milliseconds(10))
        }
        return true
    }

    /// Stops the bus: sends what is queued for at most `flushTimeout`, releases the leader lock (so a
    /// standby takes over at once), deletes the heartbeat, marks the engine `stopped`, and closes the
    /// connection. Messages still queued after that are dropped. Later calls do nothing.
    public func close(flushTimeout: Duration = .seconds(1)) {
        shared.requestStop(.graceful(deadline: .now + flushTimeout), wait: true)
    }

    /// Stops the thread and drops the connection without cleaning up, as if the process had died: the
    /// lock and heartbeat stay until their TTLs run out.
    func abandon() {
        shared.requestStop(.abandon, wait: true)
    }
}
