import Testing

@testable import SextantBus

/// The lease against hand-computed instants: TTL 900 ms gives renewals every 300 ms and a safety margin
/// of 92 ms (a tenth plus 2 ms), so a lock set by a command sent at t is trusted until t + 808 ms.
@Suite struct LeaderLeaseTests {
    let start = ContinuousClock.now
    let settings = LeaderLockSettings(ttl: .milliseconds(900))

    func at(_ milliseconds: Int) -> ContinuousClock.Instant { start + .milliseconds(milliseconds) }

    @Test func theSettingsDeriveRenewalAndMargin() {
        #expect(settings.renewInterval == .milliseconds(300))
        #expect(settings.safetyMargin == .milliseconds(92))
    }

    @Test func acquireThenRenewWhileHeld() {
        var lease = LeaderLease(settings: settings, now: at(0))
        #expect(lease.action == .acquire)
        #expect(lease.nextAttempt == at(0))
        #expect(!lease.isLeader(at: at(0)))

        lease.held(sent: at(10))
        #expect(lease.isLeader(at: at(817)))
        #expect(!lease.isLeader(at: at(818)))
        #expect(lease.action == .renew)
        #expect(lease.nextAttempt == at(310))

        lease.held(sent: at(310))
        #expect(lease.isLeader(at: at(1117)))
        #expect(!lease.isLeader(at: at(1118)))
    }

    @Test func withoutAnswersTheLeaseRunsOutByItself() {
        var lease = LeaderLease(settings: settings, now: at(0))
        lease.held(sent: at(0))
        lease.unanswered(at: at(300))
        #expect(lease.nextAttempt == at(300))
        #expect(lease.isLeader(at: at(807)))
        #expect(!lease.isLeader(at: at(808)))
        // The key may still be ours on the server: the next attempt renews rather than acquires.
        #expect(lease.action == .renew)
    }

    @Test func aRefusedRenewalEndsLeadershipAtOnce() {
        var lease = LeaderLease(settings: settings, now: at(0))
        lease.held(sent: at(0))
        lease.refused(at: at(300))
        #expect(!lease.isLeader(at: at(300)))
        #expect(lease.action == .acquire)
        #expect(lease.nextAttempt == at(600))
    }

    @Test func releasing() {
        var lease = LeaderLease(settings: settings, now: at(0))
        lease.held(sent: at(0))
        lease.released(at: at(100))
        #expect(!lease.isLeader(at: at(100)))
        #expect(lease.action == .acquire)
    }
}
