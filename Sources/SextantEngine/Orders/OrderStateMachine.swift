/// The lifecycle of one order as a pure state machine: each event updates the state and returns the
/// ``OrderAction``s the caller must carry out. It performs no I/O, reads no clock and never traps, so
/// every transition is a unit test, and replaying an order's stored events rebuilds its state.
///
/// ```
/// new ─send→ pendingAck ─acknowledge→ acknowledged ─fill→ partiallyFilled ─fill→ filled
///                  │            │                 │
///                  └────────────┴──requestCancel──┴→ pendingCancel ─cancelAcknowledged→ cancelled
/// any working status: ─reject→ rejected · ─expire→ expired · ─timeout→ unknown (reconcile)
/// ```
///
/// The rules that make it safe to retry and to restart (docs/orders.md has the whole table):
/// - **A fill is always counted once.** Fills are keyed by their venue ID; a repeated ID is ignored.
///   A new fill is recorded in every status — even after a cancel, an expiry or a rejection, because
///   money moved — unless it would fill more than the order's quantity, which is an anomaly (alert and
///   reconcile, nothing counted).
/// - **Commands are idempotent.** `send` acts only on a new order and `requestCancel` only on a
///   working one; repeating either returns `.ignore`.
/// - **Unknown means reconcile, never resend.** A timeout moves the order to ``OrderStatus/unknown``
///   and asks for a reconciliation; the venue's answer comes back as ordinary events.
/// - **The venue's word wins.** A venue report the status rules out (an acknowledgement of an order
///   never sent) is applied and raises an alert.
///
/// Quantities are `Double` units (see ``Order``); a sum of fills is complete when it is within
/// ``quantityTolerance`` of the order's quantity, so that ten fills of 0.1 fill an order of 1.
public struct OrderStateMachine: Sendable, Hashable {
    /// The relative tolerance of quantity comparisons: a sum of fills within `quantity × 1e-9` of the
    /// order's quantity fills it, and a fill is an over-fill only beyond that. Summing `Double`s errs
    /// by a few ulps per fill (~1e-16 relative), far below it; real lot steps (1e-8 BTC of 1 BTC) are
    /// far above it.
    public static let quantityTolerance = 1e-9

    /// The order.
    public private(set) var order: Order
    /// Where the order is in its lifecycle.
    public private(set) var status: OrderStatus
    /// The venue's ID of the order, once an acknowledgement named it.
    public private(set) var venueOrderID: String?
    /// The units filled so far.
    public private(set) var filledQuantity: Double = 0
    /// The fees of the fills so far.
    public private(set) var commission: Double = 0
    /// Σ quantity × price of the fills so far.
    private var filledNotional: Double = 0
    /// The IDs of the fills counted so far.
    private var fillIDs: Set<String> = []

    /// A new order: the intent is stored, nothing is sent.
    public init(order: Order) {
        self.order = order
        self.status = .new
    }

    /// An order as the store left it, for a restart: its status and venue ID as recorded, and its fills
    /// counted again (a repeated fill ID, or a fill of another order, is skipped).
    public init(restoring order: Order, status: OrderStatus, venueOrderID: String?, fills: [Fill]) {
        self.order = order
        self.status = status
        self.venueOrderID = venueOrderID
        for fill in fills where fill.clientOrderID == order.clientOrderID && !fillIDs.contains(fill.fillID) {
            count(fill)
        }
    }

    /// The volume-weighted average price of the fills, or `nil` before the first fill.
    public var averagePrice: Double? {
        filledQuantity > 0 ? filledNotional / filledQuantity : nil
    }

    /// The units still to fill (0 once filled, even if the sum of fills is a rounding error above).
    public var remainingQuantity: Double {
        max(0, order.quantity - filledQuantity)
    }

    /// Applies one event; see the per-event methods.
    public mutating func handle(_ event: OrderEvent) -> [OrderAction] {
        switch event {
        case .send: send()
        case .acknowledge(let venueOrderID): acknowledge(venueOrderID: venueOrderID)
        case .reject(let reason): reject(reason: reason)
        case .fill(let execution): fill(execution)
        case .requestCancel: requestCancel()
        case .cancelAcknowledged: cancelAcknowledged()
        case .cancelRejected(let reason): cancelRejected(reason: reason)
        case .expire: expire()
        case .timeout: timeout()
        }
    }

    /// Sends a new order (`.send`), or rejects it locally when it is invalid. Anything but a new order
    /// is not sent again: a retry after a crash goes through reconciliation, not a second send.
    public mutating func send() -> [OrderAction] {
        switch status {
        case .new:
            if let invalidity = order.invalidity {
                status = .rejected
                return [.alert(.invalidOrder(invalidity))]
            }
            status = .pendingAck
            return [.send(order)]
        case .pendingAck, .acknowledged, .partiallyFilled, .pendingCancel, .unknown:
            return [.ignore(.notApplicable(.send, status: status))]
        case .filled, .cancelled, .rejected, .expired:
            return [.ignore(.finished(.send, status: status))]
        }
    }

    /// The venue accepted the order. It may arrive after fills (streams race responses) or after a
    /// cancel request; a repeat is ignored, and a different venue ID raises an alert.
    public mutating func acknowledge(venueOrderID reported: String) -> [OrderAction] {
        let event = OrderEvent.acknowledge(venueOrderID: reported)
        switch status {
        case .new:
            venueOrderID = reported
            status = .acknowledged
            return [.alert(.unexpected(event, status: .new))]
        case .pendingAck:
            venueOrderID = reported
            status = .acknowledged
            return []
        case .acknowledged, .partiallyFilled, .pendingCancel:
            if venueOrderID == reported { return [.ignore(.notApplicable(event, status: status))] }
            return adopt(venueOrderID: reported)
        case .unknown:
            let actions = adopt(venueOrderID: reported)
            status = workingStatus
            return actions
        case .filled, .cancelled, .rejected, .expired:
            return [.ignore(.finished(event, status: status))]
        }
    }

    /// The venue refused the order — before or after acknowledging it. Refusing an order that has fills
    /// raises an alert (the fills stand).
    public mutating func reject(reason: String) -> [OrderAction] {
        let event = OrderEvent.reject(reason: reason)
        switch status {
        case .new:
            status = .rejected
            return [.alert(.unexpected(event, status: .new))]
        case .pendingAck, .acknowledged, .partiallyFilled, .pendingCancel, .unknown:
            let previous = status
            status = .rejected
            return filledQuantity > 0 ? [.alert(.unexpected(event, status: previous))] : []
        case .filled, .cancelled, .rejected, .expired:
            return [.ignore(.finished(event, status: status))]
        }
    }

    /// The venue executed part of the order. New fills are recorded in every status (money moved); a
    /// repeated fill ID is ignored; a fill past the order's quantity, or one that is not a fill of this
    /// order, raises an alert and is not counted.
    public mutating func fill(_ fill: Fill) -> [OrderAction] {
        guard fill.clientOrderID == order.clientOrderID, fill.quantity.isFinite, fill.quantity > 0,
            fill.price.isFinite, fill.commission.isFinite
        else {
            return [.alert(.invalidFill(fill))]
        }
        if fillIDs.contains(fill.fillID) { return [.ignore(.duplicateFill(fillID: fill.fillID))] }
        if filledQuantity + fill.quantity > order.quantity + tolerance {
            return [.alert(.overfill(fill, filledBefore: filledQuantity, ordered: order.quantity)), .reconcile]
        }
        let previous = status
        count(fill)
        let complete = filledQuantity >= order.quantity - tolerance
        switch previous {
        case .new:
            status = complete ? .filled : .partiallyFilled
            return [.record(fill), .alert(.unexpected(.fill(fill), status: .new))]
        case .pendingAck, .acknowledged, .partiallyFilled, .unknown:
            status = complete ? .filled : .partiallyFilled
            return [.record(fill)]
        case .pendingCancel, .filled, .cancelled, .expired:
            // A late fill after a cancel request or confirmation still counts; the order stays where it
            // was unless the fill completes it.
            status = complete ? .filled : previous
            return [.record(fill)]
        case .rejected:
            status = complete ? .filled : .rejected
            return [.record(fill), .alert(.unexpected(.fill(fill), status: .rejected))]
        }
    }

    /// A venue that sizes orders at their fill (the paper venue re-sizes an entry at its fill price, as
    /// the backtest does) states the quantity it fills before the first fill. Only a working order with
    /// no fill yet can be resized, to a positive quantity; anything else is an anomaly and changes
    /// nothing.
    public mutating func resize(to quantity: Double) -> [OrderAction] {
        guard quantity.isFinite, quantity > 0, filledQuantity == 0, !status.isTerminal else {
            return [.alert(.invalidOrder("cannot resize to \(quantity) units in status \(status.rawValue)"))]
        }
        order.quantity = quantity
        return []
    }

    /// The engine wants the order cancelled. A new order is cancelled on the spot (the venue never saw
    /// it); a working one — or one whose status is unknown, so that a kill switch reaches it — gets a
    /// cancel sent; a second request while one is pending is ignored.
    public mutating func requestCancel() -> [OrderAction] {
        switch status {
        case .new:
            status = .cancelled
            return []
        case .pendingAck, .acknowledged, .partiallyFilled, .unknown:
            status = .pendingCancel
            return [.cancelAtVenue]
        case .pendingCancel:
            return [.ignore(.notApplicable(.requestCancel, status: status))]
        case .filled, .cancelled, .rejected, .expired:
            return [.ignore(.finished(.requestCancel, status: status))]
        }
    }

    /// The venue reports the order cancelled, whether asked to or not (an IOC's remainder, self-trade
    /// prevention). After a full fill it is ignored: the fill won the race.
    public mutating func cancelAcknowledged() -> [OrderAction] {
        switch status {
        case .new:
            status = .cancelled
            return [.alert(.unexpected(.cancelAcknowledged, status: .new))]
        case .pendingAck, .acknowledged, .partiallyFilled, .pendingCancel, .unknown:
            status = .cancelled
            return []
        case .filled, .cancelled, .rejected, .expired:
            return [.ignore(.finished(.cancelAcknowledged, status: status))]
        }
    }

    /// The venue refused a cancel. The order is working again as far as the machine knows, and a
    /// reconciliation finds out why (usually it has just filled).
    public mutating func cancelRejected(reason: String) -> [OrderAction] {
        let event = OrderEvent.cancelRejected(reason: reason)
        switch status {
        case .pendingCancel:
            status = workingStatus
            return [.reconcile]
        case .new, .pendingAck, .acknowledged, .partiallyFilled, .unknown:
            return [.ignore(.notApplicable(event, status: status))]
        case .filled, .cancelled, .rejected, .expired:
            return [.ignore(.finished(event, status: status))]
        }
    }

    /// The order's time in force ran out at the venue.
    public mutating func expire() -> [OrderAction] {
        switch status {
        case .new:
            status = .expired
            return [.alert(.unexpected(.expire, status: .new))]
        case .pendingAck, .acknowledged, .partiallyFilled, .pendingCancel, .unknown:
            status = .expired
            return []
        case .filled, .cancelled, .rejected, .expired:
            return [.ignore(.finished(.expire, status: status))]
        }
    }

    /// No answer in time. A working order's status becomes unknown; a pending cancel stays pending (the
    /// intent to cancel stands). Either way the machine asks for a reconciliation, never a resend.
    public mutating func timeout() -> [OrderAction] {
        switch status {
        case .new:
            return [.ignore(.notApplicable(.timeout, status: status))]
        case .pendingAck, .acknowledged, .partiallyFilled, .unknown:
            status = .unknown
            return [.reconcile]
        case .pendingCancel:
            return [.reconcile]
        case .filled, .cancelled, .rejected, .expired:
            return [.ignore(.finished(.timeout, status: status))]
        }
    }

    // MARK: - Helpers

    /// The absolute quantity tolerance of this order.
    private var tolerance: Double {
        order.quantity * Self.quantityTolerance
    }

    /// The status of an order the venue is working, from what is known of it.
    private var workingStatus: OrderStatus {
        if filledQuantity > 0 { return .partiallyFilled }
        return venueOrderID == nil ? .pendingAck : .acknowledged
    }

    /// Takes the venue ID when none is known; a different one is an anomaly and the known one stays.
    private mutating func adopt(venueOrderID reported: String) -> [OrderAction] {
        guard let known = venueOrderID else {
            venueOrderID = reported
            return []
        }
        return known == reported ? [] : [.alert(.venueOrderIDMismatch(known: known, reported: reported))]
    }

    private mutating func count(_ fill: Fill) {
        fillIDs.insert(fill.fillID)
        filledQuantity += fill.quantity
        filledNotional += fill.quantity * fill.price
        commission += fill.commission
    }
}
