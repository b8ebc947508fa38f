import SextantEngine
import Testing

/// Whole lifecycles: partial fills, cancels racing fills, repeats, over-fills, lost answers, restarts.
@Suite struct OrderStateMachineScenarioTests {
    static let order = OrderFixtures.order

    static func fill(_ id: String, _ quantity: Double, at price: Double = 100, commission: Double = 0) -> OrderEvent {
        .fill(OrderFixtures.fill(id, quantity, at: price, commission: commission))
    }

    static func run(_ events: [OrderEvent], on machine: inout OrderStateMachine) -> [[OrderAction]] {
        events.map { machine.handle($0) }
    }

    // MARK: - Partial fills

    /// 4 @ 100 then 3 @ 102: 7 filled at (400 + 306) / 7; a cancel leaves the order partially filled,
    /// cancelled, with 3 never filled.
    @Test func partialFillsThenCancel() {
        var machine = OrderStateMachine(order: Self.order)
        _ = Self.run([.send, .acknowledge(venueOrderID: "V1")], on: &machine)
        #expect(
            machine.handle(Self.fill("F1", 4, at: 100, commission: 0.4)) == [
                .record(OrderFixtures.fill("F1", 4, commission: 0.4))
            ])
        _ = machine.handle(Self.fill("F2", 3, at: 102, commission: 0.3))
        #expect(machine.status == .partiallyFilled)
        #expect(machine.filledQuantity == 7)
        #expect(machine.remainingQuantity == 3)
        #expect(abs((machine.averagePrice ?? 0) - 706.0 / 7) < 1e-12)
        #expect(abs(machine.commission - 0.7) < 1e-12)

        #expect(machine.handle(.requestCancel) == [.cancelAtVenue])
        #expect(machine.status == .pendingCancel)
        #expect(machine.handle(.cancelAcknowledged) == [])
        #expect(machine.status == .cancelled)
        #expect(machine.filledQuantity == 7)
    }

    /// Ten fills of 0.1 fill an order of 1 although their `Double` sum is 0.9999999999999999; an
    /// eleventh is an over-fill.
    @Test func fillsSumWithinTheTolerance() {
        var order = Self.order
        order.quantity = 1
        var machine = OrderStateMachine(order: order)
        _ = machine.send()
        for index in 0..<10 {
            let fill = OrderFixtures.fill("F\(index)", 0.1)
            #expect(machine.handle(.fill(fill)) == [.record(fill)])
        }
        #expect(machine.filledQuantity != 1)
        #expect(machine.status == .filled)
        #expect(machine.remainingQuantity < 1e-12)
        let extra = OrderFixtures.fill("F10", 0.1)
        #expect(
            machine.handle(.fill(extra))
                == [.alert(.overfill(extra, filledBefore: machine.filledQuantity, ordered: 1)), .reconcile])
    }

    // MARK: - Late fills

    /// A fill that arrives after the cancel request and completes the order: filled; the cancel's
    /// confirmation that follows is ignored (the fill won the race).
    @Test func lateFillAfterCancelRequestCompletesTheOrder() {
        var machine = OrderFixtures.machine(in: .partiallyFilled)
        #expect(machine.handle(.requestCancel) == [.cancelAtVenue])
        #expect(machine.handle(Self.fill("F2", 6)) == [.record(OrderFixtures.fill("F2", 6))])
        #expect(machine.status == .filled)
        #expect(machine.handle(.cancelAcknowledged) == [.ignore(.finished(.cancelAcknowledged, status: .filled))])
        #expect(
            machine.handle(.cancelRejected(reason: "order filled"))
                == [.ignore(.finished(.cancelRejected(reason: "order filled"), status: .filled))])
        #expect(machine.status == .filled)
        #expect(machine.filledQuantity == 10)
    }

    /// A fill that arrives after the cancel request without completing the order: recorded, the cancel
    /// still pending, then cancelled with 6 filled.
    @Test func lateFillAfterCancelRequestLeavesTheCancelPending() {
        var machine = OrderFixtures.machine(in: .partiallyFilled)
        _ = machine.handle(.requestCancel)
        #expect(machine.handle(Self.fill("F2", 2)) == [.record(OrderFixtures.fill("F2", 2))])
        #expect(machine.status == .pendingCancel)
        _ = machine.handle(.cancelAcknowledged)
        #expect(machine.status == .cancelled)
        #expect(machine.filledQuantity == 6)
    }

    /// Fills reported after the cancel was confirmed still count (money moved): the order stays
    /// cancelled while partial, and ends filled when they complete it.
    @Test func lateFillsAfterCancelAcknowledgement() {
        var machine = OrderFixtures.machine(in: .partiallyFilled)
        _ = Self.run([.requestCancel, .cancelAcknowledged], on: &machine)
        #expect(machine.handle(Self.fill("F2", 2, at: 99)) == [.record(OrderFixtures.fill("F2", 2, at: 99))])
        #expect(machine.status == .cancelled)
        #expect(machine.filledQuantity == 6)
        #expect(abs((machine.averagePrice ?? 0) - (400 + 198) / 6.0) < 1e-12)
        #expect(machine.handle(Self.fill("F3", 4)) == [.record(OrderFixtures.fill("F3", 4))])
        #expect(machine.status == .filled)
    }

    /// An expired IOC's late fill counts too.
    @Test func lateFillAfterExpiry() {
        var machine = OrderFixtures.machine(in: .expired)
        #expect(machine.handle(Self.fill("F1", 5)) == [.record(OrderFixtures.fill("F1", 5))])
        #expect(machine.status == .expired)
        #expect(machine.filledQuantity == 5)
    }

    // MARK: - Idempotency

    /// The same fill ID twice — from the stream and from a reconciliation — counts once, in any status.
    @Test(arguments: [OrderStatus.partiallyFilled, .pendingCancel, .cancelled, .filled])
    func duplicateFillIsIgnored(_ status: OrderStatus) {
        var machine = OrderFixtures.machine(in: .partiallyFilled)
        switch status {
        case .pendingCancel: _ = machine.handle(.requestCancel)
        case .cancelled: _ = Self.run([.requestCancel, .cancelAcknowledged], on: &machine)
        case .filled: _ = machine.handle(Self.fill("F2", 6))
        default: break
        }
        let before = machine
        #expect(machine.handle(Self.fill("F1", 4)) == [.ignore(.duplicateFill(fillID: "F1"))])
        #expect(machine == before)
        #expect(machine.status == status)
    }

    /// A repeated send never sends twice, before or after the answer.
    @Test func repeatedSendSendsOnce() {
        var machine = OrderStateMachine(order: Self.order)
        let actions = Self.run([.send, .send, .acknowledge(venueOrderID: "V1"), .send], on: &machine)
        #expect(actions.flatMap { $0 }.filter { if case .send = $0 { true } else { false } }.count == 1)
    }

    /// A repeated cancel request sends one cancel.
    @Test func repeatedCancelSendsOnce() {
        var machine = OrderFixtures.machine(in: .acknowledged)
        let actions = Self.run([.requestCancel, .requestCancel, .timeout, .requestCancel], on: &machine)
        #expect(actions.flatMap { $0 }.filter { $0 == .cancelAtVenue }.count == 1)
        #expect(machine.status == .pendingCancel)
    }

    // MARK: - Anomalies

    /// 8 filled of 10, then a fill of 3: an over-fill, not counted, and a reconciliation; a correct fill
    /// of 2 afterwards completes the order.
    @Test func overfillIsAnAnomaly() {
        var machine = OrderFixtures.machine(in: .acknowledged)
        _ = machine.handle(Self.fill("F1", 8))
        let excess = OrderFixtures.fill("F2", 3)
        #expect(machine.handle(.fill(excess)) == [.alert(.overfill(excess, filledBefore: 8, ordered: 10)), .reconcile])
        #expect(machine.filledQuantity == 8)
        #expect(machine.status == .partiallyFilled)
        _ = machine.handle(Self.fill("F3", 2))
        #expect(machine.status == .filled)
        #expect(machine.filledQuantity == 10)
    }

    /// A single fill larger than the order is an over-fill from the start.
    @Test func singleFillLargerThanTheOrder() {
        var machine = OrderFixtures.machine(in: .pendingAck)
        let excess = OrderFixtures.fill("F1", 10.5)
        #expect(machine.handle(.fill(excess)) == [.alert(.overfill(excess, filledBefore: 0, ordered: 10)), .reconcile])
        #expect(machine.status == .pendingAck)
    }

    /// Fills of another order, or with quantities or prices that are not numbers, are not counted.
    @Test(arguments: [
        OrderFixtures.fill(
            "X", 1, of: ClientOrderID(strategyVersion: "v", symbol: "ETH", barTime: 0, rule: .exitLong, leg: 0)),
        OrderFixtures.fill("X", 0),
        OrderFixtures.fill("X", -1),
        OrderFixtures.fill("X", .nan),
        OrderFixtures.fill("X", .infinity),
        OrderFixtures.fill("X", 1, at: .nan),
        OrderFixtures.fill("X", 1, commission: .nan),
    ])
    func invalidFillIsAnAnomaly(_ fill: Fill) {
        var machine = OrderFixtures.machine(in: .acknowledged)
        let actions = machine.handle(.fill(fill))
        // Compared by pattern: a NaN field makes the fill unequal to itself.
        #expect(actions.count == 1)
        #expect(actions.allSatisfy { if case .alert(.invalidFill(let got)) = $0 { got.fillID == "X" } else { false } })
        #expect(machine.filledQuantity == 0)
        #expect(machine.status == .acknowledged)
    }

    /// An order that cannot be sent is rejected by the engine, never sent.
    @Test(arguments: [
        (0.0, OrderType.market), (-1, .market), (.nan, .market), (.infinity, .market),
        (1, .limit(price: 0)), (1, .limit(price: .nan)), (1, .stop(stopPrice: -5)),
    ])
    func invalidOrderIsNeverSent(_ quantity: Double, _ type: OrderType) {
        var order = Self.order
        order.quantity = quantity
        order.type = type
        var machine = OrderStateMachine(order: order)
        let actions = machine.send()
        #expect(machine.status == .rejected)
        #expect(actions.count == 1)
        #expect(actions.allSatisfy { if case .alert(.invalidOrder) = $0 { true } else { false } })
    }

    /// Reject after acknowledgement (a venue's later risk check, a post-only that would cross).
    @Test func rejectAfterAcknowledgement() {
        var machine = OrderFixtures.machine(in: .acknowledged)
        #expect(machine.handle(.reject(reason: "post-only would cross")) == [])
        #expect(machine.status == .rejected)
        #expect(machine.venueOrderID == "V1")
    }

    /// A second acknowledgement with another venue ID keeps the first and raises an alert.
    @Test func acknowledgementWithAnotherVenueID() {
        var machine = OrderFixtures.machine(in: .acknowledged)
        #expect(
            machine.handle(.acknowledge(venueOrderID: "V2")) == [
                .alert(.venueOrderIDMismatch(known: "V1", reported: "V2"))
            ])
        #expect(machine.venueOrderID == "V1")
    }

    // MARK: - Races and lost answers

    /// The fill arrives on the stream before the acknowledgement's response: partially filled, then the
    /// acknowledgement only adds the venue ID.
    @Test func fillBeforeAcknowledgement() {
        var machine = OrderFixtures.machine(in: .pendingAck)
        _ = machine.handle(Self.fill("F1", 4))
        #expect(machine.status == .partiallyFilled)
        #expect(machine.venueOrderID == nil)
        #expect(machine.handle(.acknowledge(venueOrderID: "V1")) == [])
        #expect(machine.status == .partiallyFilled)
        #expect(machine.venueOrderID == "V1")
    }

    /// The send times out: unknown, reconcile; the venue's answers come back as events.
    @Test(arguments: [
        ([OrderEvent.acknowledge(venueOrderID: "V1")], OrderStatus.acknowledged),
        ([.acknowledge(venueOrderID: "V1"), .fill(OrderFixtures.fill("F1", 10))], .filled),
        ([.fill(OrderFixtures.fill("F1", 4)), .cancelAcknowledged], .cancelled),
        ([.reject(reason: "order not found")], .rejected),
    ])
    func timeoutThenReconciliation(_ answers: [OrderEvent], _ end: OrderStatus) {
        var machine = OrderFixtures.machine(in: .pendingAck)
        #expect(machine.handle(.timeout) == [.reconcile])
        #expect(machine.status == .unknown)
        for answer in answers {
            let actions = machine.handle(answer)
            #expect(!actions.contains { if case .alert = $0 { true } else { false } })
        }
        #expect(machine.status == end)
    }

    /// A refused cancel returns the order to work and asks why.
    @Test func cancelRejectedReturnsToWork() {
        var machine = OrderFixtures.machine(in: .partiallyFilled)
        _ = machine.handle(.requestCancel)
        #expect(machine.handle(.cancelRejected(reason: "unknown order")) == [.reconcile])
        #expect(machine.status == .partiallyFilled)
    }

    /// Cancelling an intent that was never sent needs no venue; it can no longer be sent.
    @Test func cancelBeforeSend() {
        var machine = OrderStateMachine(order: Self.order)
        #expect(machine.handle(.requestCancel) == [])
        #expect(machine.handle(.send) == [.ignore(.finished(.send, status: .cancelled))])
    }

    // MARK: - Restart

    /// A restored machine counts its stored fills once and ignores a re-sent one.
    @Test func restoreCountsStoredFills() {
        let fills = [
            OrderFixtures.fill("F1", 4, at: 100), OrderFixtures.fill("F2", 2, at: 103),
            OrderFixtures.fill("F1", 4, at: 100),
            OrderFixtures.fill(
                "X", 1, of: ClientOrderID(strategyVersion: "v", symbol: "ETH", barTime: 0, rule: .exitLong, leg: 0)),
        ]
        var machine = OrderStateMachine(
            restoring: Self.order, status: .partiallyFilled, venueOrderID: "V1", fills: fills)
        #expect(machine.filledQuantity == 6)
        #expect(abs((machine.averagePrice ?? 0) - 606.0 / 6) < 1e-12)
        #expect(machine.handle(.send) == [.ignore(.notApplicable(.send, status: .partiallyFilled))])
        #expect(machine.handle(Self.fill("F2", 2, at: 103)) == [.ignore(.duplicateFill(fillID: "F2"))])
    }

    // MARK: - Robustness

    /// Seeded random event sequences: no trap, the filled quantity never passes the order's, a fill ID
    /// never counts twice, and a finished order only ever becomes filled.
    @Test func randomSequencesKeepTheInvariants() {
        var random = SplitMix64(seed: 0x5EC7A47)
        let events: [OrderEvent] = [
            .send, .acknowledge(venueOrderID: "V1"), .acknowledge(venueOrderID: "V2"), .reject(reason: "r"),
            .requestCancel, .cancelAcknowledged, .cancelRejected(reason: "r"), .expire, .timeout,
        ]
        for _ in 0..<2_000 {
            var machine = OrderStateMachine(order: Self.order)
            var counted: Set<String> = []
            for _ in 0..<12 {
                let event: OrderEvent
                if random.next() % 3 == 0 {
                    let id = "F\(random.next() % 6)"
                    let fill = OrderFixtures.fill(id, Double(random.next() % 5 + 1))
                    event = .fill(fill)
                } else {
                    event = events[Int(random.next() % UInt64(events.count))]
                }
                let before = machine.status
                let actions = machine.handle(event)
                for case .record(let fill) in actions {
                    #expect(!counted.contains(fill.fillID))
                    counted.insert(fill.fillID)
                }
                #expect(machine.filledQuantity <= Self.order.quantity)
                if before.isTerminal { #expect(machine.status == before || machine.status == .filled) }
            }
        }
    }

    /// A small seeded generator (Vigna's SplitMix64), so the random sequences are the same on every run.
    struct SplitMix64 {
        var state: UInt64

        init(seed: UInt64) {
            state = seed
        }

        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }
}
