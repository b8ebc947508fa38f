import Foundation
import Logging

/// The bus's own thread: owns the Redis connection (hiredis contexts are single-threaded) and does
/// everything that waits on Redis — connecting with backoff, publishing the queue in pipelined batches,
/// the leader lock, the heartbeat, the engine state hash and the kill switch poll — so that the engine
/// never does.
final class BusWorker {
    /// Messages sent per round trip: enough to drain a burst quickly, few enough that a lock renewal
    /// due meanwhile is not held up for long.
    static let batchSize = 256

    private let configuration: BusConfiguration
    private let keys: BusKeys
    private let token: String
    private let shared: BusShared
    private let leadership: AsyncStream<Bool>.Continuation
    private var logger: Logger

    private var connection: RedisConnection?
    private var everConnected = false
    private var outageLogged = false
    private var backoff: ReconnectBackoff
    private var nextConnect: ContinuousClock.Instant
    private var lease: LeaderLease?
    private var reportedLeader = false
    private var nextHeartbeat: ContinuousClock.Instant
    private var heartbeatSequence = 0
    private var nextKillPoll: ContinuousClock.Instant
    private var reportedKill: BusKillMode?
    private let started = Date()

    init(
        configuration: BusConfiguration, keys: BusKeys, token: String, shared: BusShared,
        leadership: AsyncStream<Bool>.Continuation, logger: Logger
    ) {
        self.configuration = configuration
        self.keys = keys
        self.token = token
        self.shared = shared
        self.leadership = leadership
        self.logger = logger
        self.logger[metadataKey: "bus"] = "\(configuration.url)"
        let now = ContinuousClock.now
        backoff = configuration.backoff
        nextConnect = now
        nextHeartbeat = now
        nextKillPoll = now
        lease = configuration.leaderLock.map { LeaderLease(settings: $0, now: now) }
    }

    /// The thread's body: returns when the bus is closed.
    func run() {
        while true {
            if let stop = shared.stopRequest {
                finish(stop)
                return
            }
            let now = ContinuousClock.now
            reportLeadership(at: now)
            if connection == nil {
                if now >= nextConnect { connect(at: now) }
                if connection == nil {
                    shared.wait(until: earliest(nextConnect), forWork: false)
                    continue
                }
            }
            do {
                try runDuties(at: ContinuousClock.now)
                let batch = shared.take(upTo: Self.batchSize)
                if !batch.isEmpty {
                    try publish(batch)
                    continue
                }
            } catch {
                connectionBroke(error)
                continue
            }
            shared.wait(until: earliest(nextDuty))
        }
    }

    // MARK: - Connection

    private func connect(at now: ContinuousClock.Instant) {
        do {
            connection = try RedisConnection(
                url: configuration.url, connectTimeout: configuration.connectTimeout,
                commandTimeout: configuration.commandTimeout,
                clientName: "\(BusKeys.prefix):\(keys.account):\(configuration.engineID)")
        } catch {
            shared.update { $0.lastError = error.description }
            nextConnect = now + backoff.nextDelay()
            if !outageLogged {
                logger.warning(
                    "Redis bus unavailable; trading continues without it, retrying", metadata: ["error": "\(error)"])
                outageLogged = true
            }
            return
        }
        if everConnected {
            shared.update { $0.reconnects += 1 }
            logger.notice("Redis bus reconnected")
        }
        everConnected = true
        outageLogged = false
        backoff.reset()
        shared.update { $0.connected = true }
        // Whatever Redis lost while we were away (a restarted server keeps nothing), write again at once.
        nextHeartbeat = now
        nextKillPoll = now
        lease?.unanswered(at: now)
        shared.markStateDirty()
    }

    private func connectionBroke(_ error: BusError) {
        connection?.close()
        connection = nil
        let now = ContinuousClock.now
        nextConnect = now + backoff.nextDelay()
        lease?.unanswered(at: now)
        shared.update {
            $0.connected = false
            $0.lastError = error.description
        }
        if !outageLogged {
            logger.warning(
                "Redis bus connection lost; trading continues without it, reconnecting", metadata: ["error": "\(error)"]
            )
            outageLogged = true
        }
    }

    private func liveConnection() throws(BusError) -> RedisConnection {
        guard let connection else { throw .notConnected }
        return connection
    }

    // MARK: - Duties

    private var nextDuty: ContinuousClock.Instant {
        var next = min(nextHeartbeat, nextKillPoll)
        if let lease { next = min(next, lease.nextAttempt) }
        return next
    }

    /// `instant`, or sooner if the lease runs out before it (so that a lost leadership is reported on time).
    private func earliest(_ instant: ContinuousClock.Instant) -> ContinuousClock.Instant {
        guard reportedLeader, let until = lease?.validUntil else { return instant }
        return min(instant, until)
    }

    private func runDuties(at now: ContinuousClock.Instant) throws(BusError) {
        if let lease, now >= lease.nextAttempt { try holdLock() }
        if now >= nextHeartbeat { try beat(at: now) }
        if now >= nextKillPoll { try pollKill(at: now) }
        if let fields = shared.takeEngineState() { try writeEngineState(fields) }
    }

    /// Renews the lock if we hold it, else tries to acquire it.
    private func holdLock() throws(BusError) {
        guard var lease, let settings = configuration.leaderLock else { return }
        defer {
            self.lease = lease
            shared.setLeaderUntil(lease.validUntil)
            reportLeadership(at: ContinuousClock.now)
        }
        let ttl = String(Int64(settings.ttl / .milliseconds(1)))
        do throws(BusError) {
            if lease.action == .renew {
                let sent = ContinuousClock.now
                let renewed = try liveConnection().command([
                    "EVAL", LeaderLockScripts.renew, "1", keys.leader, token, ttl,
                ])
                .integer("EVAL (lock renewal)")
                if renewed == 1 {
                    lease.held(sent: sent)
                    return
                }
                lease.refused(at: ContinuousClock.now)
            }
            let sent = ContinuousClock.now
            let acquired = try liveConnection().command(["SET", keys.leader, token, "NX", "PX", ttl])
                .okOrNull("SET NX PX (lock)")
            if acquired { lease.held(sent: sent) } else { lease.refused(at: ContinuousClock.now) }
        } catch {
            switch error {
            case .connectionLost, .notConnected:
                lease.unanswered(at: ContinuousClock.now)
                throw error
            default:
                // A server that refuses the command (a read-only replica, a script error) cannot vouch for
                // our lock: count it as not held.
                logger.error("leader lock refused by Redis", metadata: ["error": "\(error)"])
                shared.update { $0.lastError = error.description }
                lease.refused(at: ContinuousClock.now)
            }
        }
    }

    private func reportLeadership(at now: ContinuousClock.Instant) {
        guard let lease else { return }
        let leader = lease.isLeader(at: now)
        guard leader != reportedLeader else { return }
        reportedLeader = leader
        if leader {
            logger.notice("leader lock acquired", metadata: ["key": "\(keys.leader)"])
        } else {
            logger.error("leader lock lost: this engine must not send new orders", metadata: ["key": "\(keys.leader)"])
        }
        leadership.yield(leader)
    }

    private func beat(at now: ContinuousClock.Instant) throws(BusError) {
        heartbeatSequence += 1
        let record = HeartbeatRecord(
            engine: configuration.engineID, processID: getpid(), time: Date(),
            leader: lease?.isLeader(at: now) ?? false, sequence: heartbeatSequence)
        let ttl = String(Int64(configuration.heartbeat.ttl / .milliseconds(1)))
        let reply = try liveConnection().command([
            "SET", keys.heartbeat(configuration.engineID), record.json, "PX", ttl,
        ])
        if case .error(let message) = reply { shared.update { $0.lastError = "heartbeat: \(message)" } }
        nextHeartbeat = now + configuration.heartbeat.interval
    }

    private func pollKill(at now: ContinuousClock.Instant) throws(BusError) {
        nextKillPoll = now + configuration.killPollInterval
        let mode: BusKillMode?
        switch try liveConnection().command(["GET", keys.kill]) {
        case .null: mode = nil
        case .bulk(let bytes): mode = BusKillMode(flagValue: String(decoding: bytes, as: UTF8.self))
        // The key exists but is not a string someone meant for us: fail safe and halt, as for a flag
        // file with unexpected content.
        case .error(let message) where message.hasPrefix("WRONGTYPE"): mode = .halt
        case let other:
            shared.update { $0.lastError = "kill switch: unexpected reply \(other.typeName)" }
            return
        }
        shared.setKillFlag(mode)
        if mode != reportedKill {
            reportedKill = mode
            if let mode { logger.critical("kill switch engaged on the bus", metadata: ["mode": "\(mode.rawValue)"]) }
        }
    }

    private func writeEngineState(_ fields: [String: String]) throws(BusError) {
        var all = fields
        all["pid"] = String(getpid())
        all["started"] = ISO8601DateFormatter().string(from: started)
        var arguments = ["HSET", keys.engine(configuration.engineID)]
        for (field, value) in all.sorted(by: { $0.key < $1.key }) { arguments += [field, value] }
        do {
            _ = try liveConnection().command(arguments).checked("HSET (engine state)")
        } catch {
            // A server's refusal (the key holds something else) would be refused again: report it and
            // wait for the next change. A broken connection rewrites the state after reconnecting anyway.
            if case .server = error {
                shared.update { $0.lastError = error.description }
                return
            }
            throw error
        }
    }

    // MARK: - Publishing

    private func publish(_ batch: [BusMessage]) throws(BusError) {
        var commands: [[[UInt8]]] = []
        commands.reserveCapacity(batch.count * 2)
        for message in batch {
            commands.append([Array("PUBLISH".utf8), Array(keys.events(message.type).utf8), message.payload])
            if message.type == .bar, let symbol = message.symbol {
                commands.append([Array("SET".utf8), Array(keys.bar(symbol: symbol).utf8), message.payload])
            }
        }
        let replies: [RedisReply]
        do {
            replies = try liveConnection().pipeline(commands)
        } catch {
            // Unconfirmed: send them again after reconnecting. Some may have reached Redis, so a subscriber
            // can see a message twice around an outage (docs/bus.md).
            shared.putBack(batch)
            throw error
        }
        var published = 0
        var failed = 0
        var lastError: String?
        var index = 0
        for message in batch {
            switch replies[index] {
            case .integer: published += 1
            case .error(let text):
                failed += 1
                lastError = "PUBLISH: \(text)"
            default: failed += 1
            }
            index += message.type == .bar && message.symbol != nil ? 2 : 1
        }
        shared.update {
            $0.published += published
            $0.dropped += failed
            if let lastError { $0.lastError = lastError }
        }
    }

    // MARK: - Stopping

    private func finish(_ stop: BusShared.Stop) {
        defer {
            connection?.close()
            connection = nil
            lease?.released(at: ContinuousClock.now)
            shared.setLeaderUntil(nil)
            reportLeadership(at: ContinuousClock.now)
            shared.update { $0.connected = false }
            leadership.finish()
            let left = shared.take(upTo: Int.max).count
            if left > 0 { shared.update { $0.dropped += left } }
            shared.markFinished()
        }
        guard case .graceful(let deadline) = stop, connection != nil else { return }
        do {
            while ContinuousClock.now < deadline {
                let batch = shared.take(upTo: Self.batchSize)
                if batch.isEmpty { break }
                try publish(batch)
            }
            let connection = try liveConnection()
            if lease != nil {
                _ = try connection.command(["EVAL", LeaderLockScripts.release, "1", keys.leader, token])
            }
            _ = try connection.command(["DEL", keys.heartbeat(configuration.engineID)])
            _ = try connection.command(["HSET", keys.engine(configuration.engineID), "status", "stopped"])
        } catch {
            logger.warning("Redis bus closed before it could clean up", metadata: ["error": "\(error)"])
        }
    }
}
