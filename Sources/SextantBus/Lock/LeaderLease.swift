/// The leader lock's lifecycle as a pure state machine: the bus reports what the server answered and
/// when the command was sent; the lease says whether this process is leader at a given instant and when
/// to try again. No I/O and no clock of its own, so tests drive it with made-up instants.
///
/// The rule that keeps two engines from trading one account: a holder is leader only until
/// `sent + ttl - margin`, where `sent` is when it *sent* its last successful `SET NX PX` or renewal. The
/// server's key lives at least until `sent + ttl`, so while the holder counts itself leader the key
/// exists with its token and no other engine can acquire it. Losing the connection needs no reply to
/// take effect: the lease simply runs out.
struct LeaderLease: Sendable {
    /// What the bus should send next.
    enum Action: Equatable {
        /// `SET key token NX PX ttl`.
        case acquire
        /// Compare-and-`PEXPIRE` (`LeaderLockScripts.renew`).
        case renew
    }

    let settings: LeaderLockSettings
    /// The instant until which this process is leader; nil when it does not hold (or no longer believes
    /// it holds) the key.
    private(set) var validUntil: ContinuousClock.Instant?
    /// When to send the next `action`.
    private(set) var nextAttempt: ContinuousClock.Instant

    init(settings: LeaderLockSettings, now: ContinuousClock.Instant) {
        self.settings = settings
        self.nextAttempt = now
    }

    /// Whether this process may trade at `now`.
    func isLeader(at now: ContinuousClock.Instant) -> Bool {
        validUntil.map { now < $0 } ?? false
    }

    /// Renew while the key may still be ours: after a lease ran out during an outage the key may still
    /// hold our token (if nobody took it), and renewing it is safe since nobody else could have traded.
    var action: Action { validUntil == nil ? .acquire : .renew }

    /// The server set or renewed the key for a command sent at `sent`.
    mutating func held(sent: ContinuousClock.Instant) {
        validUntil = sent + settings.ttl - settings.safetyMargin
        nextAttempt = sent + settings.renewInterval
    }

    /// The server answered that the key is not ours (another engine holds it, or it expired): not
    /// leader, from now on; try to acquire again after a renewal interval.
    mutating func refused(at now: ContinuousClock.Instant) {
        validUntil = nil
        nextAttempt = now + settings.renewInterval
    }

    /// No answer (the connection broke): the lease keeps running out on its own; try again as soon as
    /// the bus is connected.
    mutating func unanswered(at now: ContinuousClock.Instant) {
        nextAttempt = now
    }

    /// This process gave the lock up (released it, or shut down).
    mutating func released(at now: ContinuousClock.Instant) {
        validUntil = nil
        nextAttempt = now
    }
}
