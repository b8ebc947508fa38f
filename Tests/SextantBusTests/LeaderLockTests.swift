import Foundation
import SextantBus
import Synchronization
import Testing

@testable import SextantBus

/// Two buses on one account contend for `sextant:<account>:leader` (TTL 600 ms: renewal every 200 ms,
/// trusted for 538 ms after each command).
@Suite struct LeaderLockTests {
    /// Samples both buses every millisecond while `body` runs; fails if both ever counted themselves leader.
    static func neverBothLeaders(_ a: RedisBus, _ b: RedisBus, during body: () async throws -> Void) async rethrows {
        let overlap = Atomic<Int>(0)
        let done = Atomic<Bool>(false)
        let sampler = Thread {
            while !done.load(ordering: .relaxed) {
                if a.isLeader && b.isLeader { overlap.add(1, ordering: .relaxed) }
                usleep(1000)
            }
        }
        sampler.start()
        try await body()
        done.store(true, ordering: .relaxed)
        #expect(overlap.load(ordering: .relaxed) == 0, "both engines were leader at once")
    }

    @Test func exactlyOneOfTwoEnginesLeadsAndKeepsRenewing() async throws {
        let account = TestRedis.uniqueAccount("lock")
        let keys = try BusKeys(account: account)
        let a = try TestRedis.bus(try TestRedis.configuration(account: account, engine: "a"))
        let b = try TestRedis.bus(try TestRedis.configuration(account: account, engine: "b"))
        defer {
            a.close()
            b.close()
        }
        let admin = try TestRedis.admin()
        try await Self.neverBothLeaders(a, b) {
            #expect(await TestRedis.eventually { a.isLeader || b.isLeader })
            let leader = a.isLeader ? a : b
            let follower = a.isLeader ? b : a
            #expect(try admin.string(keys.leader) == leader.lockToken)
            #expect(!follower.mayTrade)
            // Five TTLs later the same engine still leads: it renewed, and the follower never got in.
            try await Task.sleep(for: .seconds(3))
            #expect(leader.isLeader)
            #expect(!follower.isLeader)
            #expect(try admin.string(keys.leader) == leader.lockToken)
            let ttl = try admin.pttl(keys.leader)
            #expect(ttl > 0 && ttl <= 600)
        }
    }

    @Test func aStandbyTakesOverOnlyAfterADeadLeadersLockExpires() async throws {
        let account = TestRedis.uniqueAccount("lock")
        let keys = try BusKeys(account: account)
        let a = try TestRedis.bus(try TestRedis.configuration(account: account, engine: "a"))
        #expect(await a.waitForLeadership(timeout: .seconds(5)))
        let b = try TestRedis.bus(try TestRedis.configuration(account: account, engine: "b"))
        defer { b.close() }
        try await Self.neverBothLeaders(a, b) {
            try await Task.sleep(for: .milliseconds(300))
            #expect(!b.isLeader)
            let died = ContinuousClock.now
            a.abandon()  // no release: the key stays until its TTL runs out
            #expect(await b.waitForLeadership(timeout: .seconds(5)))
            let waited = ContinuousClock.now - died
            // Not before the dead leader's key expired (it had up to 600 ms left), and soon after:
            // within a TTL plus one retry interval and scheduling slack.
            #expect(waited > .milliseconds(150))
            #expect(waited < .milliseconds(600 + 200 + 500))
            #expect(try TestRedis.admin().string(keys.leader) == b.lockToken)
        }
    }

    @Test func closingReleasesTheLockForAStandbyAtOnce() async throws {
        let account = TestRedis.uniqueAccount("lock")
        let keys = try BusKeys(account: account)
        let a = try TestRedis.bus(try TestRedis.configuration(account: account, engine: "a"))
        #expect(await a.waitForLeadership(timeout: .seconds(5)))
        let b = try TestRedis.bus(try TestRedis.configuration(account: account, engine: "b"))
        defer { b.close() }
        try await Task.sleep(for: .milliseconds(100))
        a.close()
        #expect(!a.isLeader)
        let released = ContinuousClock.now
        #expect(await b.waitForLeadership(timeout: .seconds(5)))
        // The standby's next attempt, not the old key's expiry: at most one retry interval.
        #expect(ContinuousClock.now - released < .milliseconds(200 + 300))
        #expect(try TestRedis.admin().string(keys.leader) == b.lockToken)
    }

    @Test func aLockTakenFromUnderTheLeaderIsNoticedAtTheNextRenewal() async throws {
        let account = TestRedis.uniqueAccount("lock")
        let keys = try BusKeys(account: account)
        let a = try TestRedis.bus(try TestRedis.configuration(account: account, engine: "a"))
        defer { a.close() }
        var changes = a.leadershipChanges.makeAsyncIterator()
        #expect(await changes.next() == true)
        #expect(a.isLeader)

        // Someone else's token in the key (an operator, or an engine that believed the lock expired).
        let admin = try TestRedis.admin()
        _ = try admin.command(["SET", keys.leader, "intruder", "PX", "100000"])
        let stolen = ContinuousClock.now
        #expect(await changes.next() == false)
        #expect(!a.isLeader && !a.mayTrade)
        #expect(ContinuousClock.now - stolen < .milliseconds(200 + 300))
        // The renewal compared tokens: the intruder's key is untouched.
        #expect(try admin.string(keys.leader) == "intruder")

        // Once the key is gone the engine acquires it again.
        _ = try admin.command(["DEL", keys.leader])
        #expect(await changes.next() == true)
        #expect(try admin.string(keys.leader) == a.lockToken)
    }

    @Test func withoutALockConfiguredTheEngineMayTradeButIsNotLeader() async throws {
        let account = TestRedis.uniqueAccount("lock")
        let bus = try TestRedis.bus(try TestRedis.configuration(account: account, lockTTL: nil))
        defer { bus.close() }
        #expect(await TestRedis.eventually { bus.statistics.connected })
        #expect(bus.mayTrade)
        #expect(!bus.isLeader)
        #expect(try TestRedis.admin().command(["EXISTS", try BusKeys(account: account).leader]) == .integer(0))
    }
}
