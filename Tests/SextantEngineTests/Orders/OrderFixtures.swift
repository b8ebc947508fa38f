import SextantEngine

/// A limit buy of 10 units and the events that bring it to each status.
enum OrderFixtures {
    /// SHA-256 of "kind: strategy\nname: sma_cross\n", standing in for a strategy file's hash.
    static let version = "564d0b9284e80fbe9e5ac027e54417cd614c96800bddd0f10795247b516cf145"

    static let order = Order(
        strategy: "sma_cross", strategyVersion: version, symbol: "BTCUSDT", barTime: 1_700_000_000,
        rule: .entryLong, side: .buy, quantity: 10, type: .limit(price: 100))

    /// A fill of `order` (or of another order's ID).
    static func fill(
        _ id: String, _ quantity: Double, at price: Double = 100, commission: Double = 0,
        of clientOrderID: ClientOrderID = order.clientOrderID
    ) -> Fill {
        Fill(
            fillID: id, clientOrderID: clientOrderID, quantity: quantity, price: price, commission: commission,
            timeMilliseconds: 1_700_000_060_000)
    }

    /// The events that take a new `order` to `status` (partially filled: 4 of 10; filled: 10 in one
    /// fill; pending cancel: acknowledged, nothing filled; unknown: sent, never acknowledged).
    static func path(to status: OrderStatus) -> [OrderEvent] {
        switch status {
        case .new: []
        case .pendingAck: [.send]
        case .acknowledged: [.send, .acknowledge(venueOrderID: "V1")]
        case .partiallyFilled: [.send, .acknowledge(venueOrderID: "V1"), .fill(fill("F1", 4))]
        case .pendingCancel: [.send, .acknowledge(venueOrderID: "V1"), .requestCancel]
        case .unknown: [.send, .timeout]
        case .filled: [.send, .acknowledge(venueOrderID: "V1"), .fill(fill("F1", 10))]
        case .cancelled: [.send, .acknowledge(venueOrderID: "V1"), .requestCancel, .cancelAcknowledged]
        case .rejected: [.send, .reject(reason: "insufficient balance")]
        case .expired: [.send, .acknowledge(venueOrderID: "V1"), .expire]
        }
    }

    /// A machine for `order` driven to `status`.
    static func machine(in status: OrderStatus, order: Order = order) -> OrderStateMachine {
        var machine = OrderStateMachine(order: order)
        for event in path(to: status) {
            _ = machine.handle(event)
        }
        return machine
    }
}
