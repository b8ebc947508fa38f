import SextantEngine
import Testing

/// Every status × every event: the next status and the actions, one row each (docs/orders.md prints
/// the same table). Each status is reached by real events (`OrderFixtures.path(to:)`).
@Suite struct OrderStateMachineTransitionTests {
    typealias Row = (from: OrderStatus, event: OrderEvent, to: OrderStatus, actions: [OrderAction])

    static let order = OrderFixtures.order
    /// The probe fill: 3 more units at 101, a fill ID not seen before.
    static let probe = OrderFixtures.fill("F2", 3, at: 101)

    static let send = OrderEvent.send
    static let ack = OrderEvent.acknowledge(venueOrderID: "V1")
    static let reject = OrderEvent.reject(reason: "r")
    static let fill = OrderEvent.fill(probe)
    static let cancel = OrderEvent.requestCancel
    static let cancelAck = OrderEvent.cancelAcknowledged
    static let cancelReject = OrderEvent.cancelRejected(reason: "r")
    static let expire = OrderEvent.expire
    static let timeout = OrderEvent.timeout

    static let events = [send, ack, reject, fill, cancel, cancelAck, cancelReject, expire, timeout]

    static func unexpected(_ event: OrderEvent, _ status: OrderStatus) -> OrderAction {
        .alert(.unexpected(event, status: status))
    }
    static func notApplicable(_ event: OrderEvent, _ status: OrderStatus) -> OrderAction {
        .ignore(.notApplicable(event, status: status))
    }
    static func finished(_ event: OrderEvent, _ status: OrderStatus) -> OrderAction {
        .ignore(.finished(event, status: status))
    }

    /// A terminal status ignores everything but fills.
    static func terminalRows(_ status: OrderStatus, fill fillActions: [OrderAction], fillTo: OrderStatus) -> [Row] {
        events.map { event in
            if case .fill = event { return (status, event, fillTo, fillActions) }
            return (status, event, status, [finished(event, status)])
        }
    }

    static let table: [Row] =
        [
            (.new, send, .pendingAck, [.send(order)]),
            (.new, ack, .acknowledged, [unexpected(ack, .new)]),
            (.new, reject, .rejected, [unexpected(reject, .new)]),
            (.new, fill, .partiallyFilled, [.record(probe), unexpected(fill, .new)]),
            (.new, cancel, .cancelled, []),
            (.new, cancelAck, .cancelled, [unexpected(cancelAck, .new)]),
            (.new, cancelReject, .new, [notApplicable(cancelReject, .new)]),
            (.new, expire, .expired, [unexpected(expire, .new)]),
            (.new, timeout, .new, [notApplicable(timeout, .new)]),

            (.pendingAck, send, .pendingAck, [notApplicable(send, .pendingAck)]),
            (.pendingAck, ack, .acknowledged, []),
            (.pendingAck, reject, .rejected, []),
            (.pendingAck, fill, .partiallyFilled, [.record(probe)]),
            (.pendingAck, cancel, .pendingCancel, [.cancelAtVenue]),
            (.pendingAck, cancelAck, .cancelled, []),
            (.pendingAck, cancelReject, .pendingAck, [notApplicable(cancelReject, .pendingAck)]),
            (.pendingAck, expire, .expired, []),
            (.pendingAck, timeout, .unknown, [.reconcile]),

            (.acknowledged, send, .acknowledged, [notApplicable(send, .acknowledged)]),
            (.acknowledged, ack, .acknowledged, [notApplicable(ack, .acknowledged)]),
            (.acknowledged, reject, .rejected, []),
            (.acknowledged, fill, .partiallyFilled, [.record(probe)]),
            (.acknowledged, cancel, .pendingCancel, [.cancelAtVenue]),
            (.acknowledged, cancelAck, .cancelled, []),
            (.acknowledged, cancelReject, .acknowledged, [notApplicable(cancelReject, .acknowledged)]),
            (.acknowledged, expire, .expired, []),
            (.acknowledged, timeout, .unknown, [.reconcile]),

            (.partiallyFilled, send, .partiallyFilled, [notApplicable(send, .partiallyFilled)]),
            (.partiallyFilled, ack, .partiallyFilled, [notApplicable(ack, .partiallyFilled)]),
            (.partiallyFilled, reject, .rejected, [unexpected(reject, .partiallyFilled)]),
            (.partiallyFilled, fill, .partiallyFilled, [.record(probe)]),
            (.partiallyFilled, cancel, .pendingCancel, [.cancelAtVenue]),
            (.partiallyFilled, cancelAck, .cancelled, []),
            (.partiallyFilled, cancelReject, .partiallyFilled, [notApplicable(cancelReject, .partiallyFilled)]),
            (.partiallyFilled, expire, .expired, []),
            (.partiallyFilled, timeout, .unknown, [.reconcile]),

            (.pendingCancel, send, .pendingCancel, [notApplicable(send, .pendingCancel)]),
            (.pendingCancel, ack, .pendingCancel, [notApplicable(ack, .pendingCancel)]),
            (.pendingCancel, reject, .rejected, []),
            (.pendingCancel, fill, .pendingCancel, [.record(probe)]),
            (.pendingCancel, cancel, .pendingCancel, [notApplicable(cancel, .pendingCancel)]),
            (.pendingCancel, cancelAck, .cancelled, []),
            (.pendingCancel, cancelReject, .acknowledged, [.reconcile]),
            (.pendingCancel, expire, .expired, []),
            (.pendingCancel, timeout, .pendingCancel, [.reconcile]),

            (.unknown, send, .unknown, [notApplicable(send, .unknown)]),
            (.unknown, ack, .acknowledged, []),
            (.unknown, reject, .rejected, []),
            (.unknown, fill, .partiallyFilled, [.record(probe)]),
            (.unknown, cancel, .pendingCancel, [.cancelAtVenue]),
            (.unknown, cancelAck, .cancelled, []),
            (.unknown, cancelReject, .unknown, [notApplicable(cancelReject, .unknown)]),
            (.unknown, expire, .expired, []),
            (.unknown, timeout, .unknown, [.reconcile]),
        ]
        + terminalRows(
            .filled, fill: [.alert(.overfill(probe, filledBefore: 10, ordered: 10)), .reconcile], fillTo: .filled)
        + terminalRows(.cancelled, fill: [.record(probe)], fillTo: .cancelled)
        + terminalRows(.rejected, fill: [.record(probe), unexpected(fill, .rejected)], fillTo: .rejected)
        + terminalRows(.expired, fill: [.record(probe)], fillTo: .expired)

    /// The table has exactly one row per status and event.
    @Test func tableCoversEveryStatusAndEvent() {
        let pairs = Self.table.map { "\($0.from.rawValue) \($0.event.name)" }
        #expect(Set(pairs).count == pairs.count)
        #expect(pairs.count == OrderStatus.allCases.count * Self.events.count)
        #expect(Set(Self.events.map(\.name)).count == Self.events.count)
    }

    /// Each fixture path reaches the status it is named after.
    @Test(arguments: OrderStatus.allCases)
    func fixturePathReachesItsStatus(_ status: OrderStatus) {
        #expect(OrderFixtures.machine(in: status).status == status)
    }

    @Test(arguments: table)
    func transition(_ from: OrderStatus, _ event: OrderEvent, _ to: OrderStatus, _ actions: [OrderAction]) {
        var machine = OrderFixtures.machine(in: from)
        let got = machine.handle(event)
        #expect(machine.status == to, "\(from.rawValue) + \(event.name)")
        #expect(got == actions, "\(from.rawValue) + \(event.name)")
    }
}
