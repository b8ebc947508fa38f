import SextantStore
import Testing

@testable import SextantEngine

/// `OrderRouter.coalesced`: a state write is dropped only when a later write of the same order sets
/// the order's state, so a list retried after a lost commit reply cannot set an order back.
struct CoalescedWritesTests {
    static func state(_ id: String, _ state: OrderRecord.State) -> OrderBookWrite {
        .orderState(clientOrderID: id, OrderStateUpdate(state: state, time: EpochMilliseconds(1)))
    }

    static func fill(_ id: String, _ fillID: String, state: OrderRecord.State?) -> OrderBookWrite {
        .fill(
            FillRecord(
                venue: "paper", fillID: fillID, clientOrderID: id, quantity: 1, price: 100, commission: 0,
                time: EpochMilliseconds(2)),
            orderState: state.map { OrderStateUpdate(state: $0, time: EpochMilliseconds(2)) }, position: nil)
    }

    static let cases: [(label: String, writes: [OrderBookWrite], kept: [Int])] = [
        (
            "an acknowledgement before its order's fill goes",
            [state("A", .acknowledged), fill("A", "F1", state: .filled)], [1]
        ),
        ("a cancel after a fill stays", [fill("A", "F1", state: .partiallyFilled), state("A", .cancelled)], [0, 1]),
        ("two states: the last stays", [state("A", .acknowledged), state("A", .cancelled)], [1]),
        ("other orders are untouched", [state("A", .acknowledged), fill("B", "F1", state: .filled)], [0, 1]),
        (
            "a fill without a state overrides nothing", [state("A", .acknowledged), fill("A", "F1", state: nil)],
            [0, 1]
        ),
        (
            "fills always stay",
            [fill("A", "F1", state: .partiallyFilled), fill("A", "F2", state: .filled)], [0, 1]
        ),
    ]

    @Test(arguments: cases)
    func coalesced(_ label: String, _ writes: [OrderBookWrite], _ kept: [Int]) {
        #expect(OrderRouter.coalesced(writes) == kept.map { writes[$0] }, "\(label)")
    }
}
