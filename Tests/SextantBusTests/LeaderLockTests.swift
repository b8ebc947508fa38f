import Foundation
import SextantBus
import Synchronization
import Testing

@testable import SextantBus

/// Two buses on one account contend for `sextant:<account>:leader`. The TTL is 2 s (renewal every
/// 667 ms, trusted for 1.798 s after each command), long enough that a bus thread starved by a loaded
/// machine does not lose a lease the test expects it to keep.
@Suite struct LeaderLockTests {
    static let ttl = Duration.seconds(2)

    static func bus(_ account: String, _ engine: String) throws -> RedisBus {
        try TestRedis.bus(try TestRedis.configuration(account: account, engine: engine, lockTTL: ttl))
    }

    /// Samples both buses every millisecond while `body` runs; fails if both ever counted themselves leader.
    static func neverBothLeaders(_ a: RedisBus, _ b: RedisBus, during body: () throws -> Void) rethrows {
        let overlap = Atomic<Int>(0)
        let done = Atomic<Bool>(false)
        let sampler = Thread {
            while !done.load(ordering: .relaxed) {
                if a.isLeader && b.isLeader { overlap.add(1, ordering: .relaxed) }
                usleep(1000)
            }
        }
        sampler.start()
        defer { done.store(true, ordering: .relaxed) }
        try body()
        #expect(overlap.load(ordering: .relaxed) == 0, "both engines were leader at once")
    }

    @Test func exactlyOneOfTwoEnginesLeadsAndKeepsRenewing() throws {
        let account = TestRedis.uniqueAccount("lock")
        let keys = try BusKeys(account: account)
        let a = try Self.bus(account, "a")
        let b = try Self.bus(account, "b")
        defer {
            a.close()
            b.close()
        }
        let admin = try TestRedis.admin()
        try Self.neverBothLeaders(a, b) {
            #expect(TestRedis.eventually { a.isLeader || b.isLeader })
            let leader = a.isLeader ? a : b
            let follower = a.isLeader ? b : a
            #expect(try admin.string(keys.leader) == leader.lockToken)
            #expect(!follower.mayTrade)
            // Longer than the TTL later the same engine still leads: it renewed, and the follower never got in.
            TestRedis.sleep(.seconds(3))
            #expect(leader.isLeader)
            #expect(!follower.isLeader)
            #expect(try admin.string(keys.leader) == leader.lockToken)
            let ttl = try admin.pttl(keys.leader)
            #expect(ttl > 0 && ttl <= 2000)
        }
    }

    @Test func aStandbyTakesOverOnlyAfterADeadLeadersLockExpires() async throws {
        let account = TestRedis.uniqueAccount("lock")
        let keys = try BusKeys(account: account)
        let a = try Self.bus(account, "a")
        #expect(await a.waitForLeadership(timeout: .seconds(10)))
        let b = try Self.bus(account, "b")
        defer { b.close() }
        let admin = try TestRedis.admin()
        try Self.neverBothLeaders(a, b) {
            TestRedis.sleep(.milliseconds(300))
            #expect(!b.isLeader)
            // The key's remaining life, read just before the leader dies: the standby must wait that long.
            let remaining = Duration.milliseconds(try admin.pttl(keys.leader))
            let died = ContinuousClock.now
            a.abandon()  // no release: the key stays until its TTL runs out
            #expect(TestRedis.eventually { b.isLeader })
            let waited = ContinuousClock.now - died
            #expect(waited >= remaining - .milliseconds(20), "took over after \(waited), key had \(remaining) left")
            // …and soon after: within the key's life plus one retry interval, and slack for a loaded machine.
            #expect(waited < remaining + Self.ttl / 3 + .seconds(1))
            #expect(try admin.string(keys.leader) == b.lockToken)
        }
    }

    @Test func closingReleasesTheLockForAStandbyAtOnce() throws {
        let account = TestRedis.uniqueAccount("lock")
        let keys = try BusKeys(account: account)
        let a = try Self.bus(account, "a")
        #expect(TestRedis.eventually { a.isLeader })
        let b = try Self.bus(account, "b")
        defer { b.close() }
        TestRedis.sleep(.milliseconds(100))
        a.close()
        #expect(!a.isLeader)
        let released = ContinuousClock.now
        #expect(TestRedis.eventually { b.isLeader })
        // The standby's next attempt (every 667 ms), not the old key's expiry (2 s).
        #expect(ContinuousClock.now - released < Self.ttl / 3 + .milliseconds(500))
        #expect(try TestRedis.admin().string(keys.leader) == b.lockToken)
    }

    @Test func aLockTakenFromUnderTheLeaderIsNoticedAtTheNextRenewal() async throws {
        let account = TestRedis.uniqueAccount("lock")
        let keys = try BusKeys(account: account)
        let a = try Self.bus(account, "a")
        defer { a.close() }
        #expect(TestRedis.eventually { a.isLeader })

        // Someone else's token in the key (an operator, or an engine that believed the lock expired).
        let admin = try TestRedis.admin()
        _ = try admin.command(["SET", keys.leader, "intruder", "PX", "100000"])
        let stolen = ContinuousClock.now
        #expect(TestRedis.eventually { !a.isLeader })
        #expect(!a.mayTrade)
        // At the next renewal, well before the lease would have run out by itself.
        #expect(ContinuousClock.now - stolen < Self.ttl / 3 + .milliseconds(500))
        // The renewal compared tokens: the intruder's key is untouched.
        #expect(try admin.string(keys.leader) == "intruder")

        // Once the key is gone the engine acquires it again.
        _ = try admin.command(["DEL", keys.leader])
        #expect(TestRedis.eventually { a.isLeader })
        #expect(try admin.string(keys.leader) == a.lockToken)

        // The stream told the same story, in order.
        a.close()
        var changes: [Bool] = []
        for await change in a.leadershipChanges { changes.append(change) }
        #expect(changes == [true, false, true, false])
    }

    @Test func withoutALockConfiguredTheEngineMayTradeButIsNotLeader() throws {
        let account = TestRedis.uniqueAccount("lock")
        let bus = try TestRedis.bus(try TestRedis.configuration(account: account, lockTTL: nil))
        defer { bus.close() }
        #expect(TestRedis.eventually { bus.statistics.connected })
        #expect(bus.mayTrade)
        #expect(!bus.isLeader)
        #expect(try TestRedis.admin().command(["EXISTS", try BusKeys(account: account).leader]) == .integer(0))
    }
}
