internal import SextantStore

/// `OrderBookWrite`s as the column arrays `PostgresStore.record(_:)` binds: one element per write, with
/// a flag beside each column that may be absent (a fill's fields on a state write, a fill's optional
/// state and position). Absent values hold placeholders the statement never reads.
struct OrderBookColumns {
    var isFill: [Bool] = []
    var venue: [String] = []
    var fillID: [String] = []
    var orderID: [String] = []
    var quantity: [Double] = []
    var price: [Double] = []
    var commission: [Double] = []
    var fillTime: [Int64] = []
    var hasState: [Bool] = []
    var state: [String] = []
    var hasVenueOrder: [Bool] = []
    var venueOrder: [String] = []
    var stateTime: [Int64] = []
    var hasPosition: [Bool] = []
    var strategy: [String] = []
    var symbol: [String] = []
    var positionQuantity: [Double] = []
    var averagePrice: [Double] = []
    var positionTime: [Int64] = []

    init(_ writes: [OrderBookWrite]) {
        for write in writes {
            switch write {
            case .fill(let fill, let update, let position):
                appendFill(fill)
                appendState(update)
                appendPosition(position)
            case .orderState(let id, let update):
                isFill.append(false)
                venue.append("")
                fillID.append("")
                orderID.append(id)
                quantity.append(0)
                price.append(0)
                commission.append(0)
                fillTime.append(0)
                appendState(update)
                appendPosition(nil)
            }
        }
    }

    private mutating func appendFill(_ fill: FillRecord) {
        isFill.append(true)
        venue.append(fill.venue)
        fillID.append(fill.fillID)
        orderID.append(fill.clientOrderID)
        quantity.append(fill.quantity)
        price.append(fill.price)
        commission.append(fill.commission)
        fillTime.append(fill.time.rawValue)
    }

    private mutating func appendState(_ update: OrderStateUpdate?) {
        hasState.append(update != nil)
        state.append(update?.state.rawValue ?? "")
        hasVenueOrder.append(update?.venueOrderID != nil)
        venueOrder.append(update?.venueOrderID ?? "")
        stateTime.append(update?.time.rawValue ?? 0)
    }

    private mutating func appendPosition(_ position: PositionRecord?) {
        hasPosition.append(position != nil)
        strategy.append(position?.strategy ?? "")
        symbol.append(position?.symbol ?? "")
        positionQuantity.append(position?.quantity ?? 0)
        averagePrice.append(position?.averagePrice ?? 0)
        positionTime.append(position?.updated.rawValue ?? 0)
    }
}
