import Foundation
import Logging
import SextantBus
import Testing

/// The Redis server the tests use: `SEXTANT_TEST_REDIS_URL`, which scripts/test.sh exports after
/// scripts/services.sh has started a throwaway server. Without it the tests fail, loudly: a green run
/// that tested nothing would hide a broken bus.
enum TestRedis {
    struct Missing: Error, CustomStringConvertible {
        var description: String {
            "SEXTANT_TEST_REDIS_URL is not set: run the tests through scripts/test.sh, or start the throwaway "
                + "servers with scripts/services.sh and export SEXTANT_TEST_REDIS_URL=redis://127.0.0.1:56379"
        }
    }

    static func url() throws -> BusURL {
        guard let text = ProcessInfo.processInfo.environment["SEXTANT_TEST_REDIS_URL"], !text.isEmpty else {
            throw Missing()
        }
        return try BusURL(text)
    }

    /// An account name no other test uses, so that tests run in parallel on one server.
    static func uniqueAccount(_ label: String = "t") -> String {
        "\(label)-\(UUID().uuidString.prefix(8).lowercased())"
    }

    /// A bus that logs only critical messages: the tests break connections on purpose.
    static func bus(_ configuration: BusConfiguration) throws -> RedisBus {
        var logger = Logger(label: "sextant.bus.tests")
        logger.logLevel = .critical
        return try RedisBus(configuration: configuration, logger: logger)
    }

    /// A plain connection for looking at what the bus wrote.
    static func admin(_ url: BusURL? = nil) throws -> RedisConnection {
        try RedisConnection(url: url ?? self.url())
    }

    /// Polls `condition` every 2 ms until it holds or `timeout` passes; returns whether it held. A
    /// condition that throws counts as not holding (yet).
    ///
    /// It blocks its thread instead of suspending: when the whole package's tests run, CPU-bound tests
    /// can hold every thread of the cooperative pool for seconds, and a test resumed that late would
    /// time the pool, not the bus. Blocking, the time between two checks is the kernel's to give.
    static func eventually(timeout: Duration = .seconds(10), _ condition: () throws -> Bool) -> Bool {
        let deadline = ContinuousClock.now + timeout
        while ContinuousClock.now < deadline {
            if (try? condition()) == true { return true }
            usleep(2000)
        }
        return (try? condition()) == true
    }

    /// Sleeps, blocking the thread (see `eventually`).
    static func sleep(_ duration: Duration) {
        let (seconds, attoseconds) = duration.components
        usleep(UInt32(seconds * 1_000_000 + attoseconds / 1_000_000_000_000))
    }

    /// A configuration for `account` with quick timings, so that tests take fractions of a second.
    static func configuration(
        account: String, engine: String = "e1", url: BusURL? = nil, lockTTL: Duration? = .milliseconds(600)
    ) throws -> BusConfiguration {
        BusConfiguration(
            url: try url ?? self.url(), account: account, engineID: engine,
            leaderLock: lockTTL.map { LeaderLockSettings(ttl: $0) },
            heartbeat: HeartbeatSettings(interval: .milliseconds(100), ttl: .milliseconds(1000)),
            killPollInterval: .milliseconds(20), connectTimeout: .milliseconds(500), commandTimeout: .seconds(1),
            backoff: ReconnectBackoff(initial: .milliseconds(20), maximum: .milliseconds(200)))
    }
}

extension RedisConnection {
    /// `GET key` as text, nil for a missing key.
    func string(_ key: String) throws -> String? {
        try command(["GET", key]).bytesOrNull("GET").map { String(decoding: $0, as: UTF8.self) }
    }

    /// `PTTL key` in milliseconds (-2: missing, -1: no expiry).
    func pttl(_ key: String) throws -> Int64 {
        try command(["PTTL", key]).integer("PTTL")
    }
}
