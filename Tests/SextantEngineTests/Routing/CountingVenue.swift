import SextantCore
import SextantEngine

/// A venue double that acknowledges every order and counts placements: what "sent once" is measured
/// against. `unreachable` makes every placement fail as a network timeout would.
final class CountingVenue: ExchangeAdapter {
    let venue = "counting"
    let replaysOnRestart = false
    var unreachable = false
    private(set) var placed: [ClientOrderID] = []
    private var working: [VenueOrder] = []
    private var reports: [VenueReport] = []

    func place(_ order: Order) async throws(VenueError) {
        if unreachable { throw .unreachable("timed out") }
        placed.append(order.clientOrderID)
        guard !working.contains(where: { $0.order.clientOrderID == order.clientOrderID }) else { return }
        working.append(VenueOrder(order: order, venueOrderID: "V-\(placed.count)", filledQuantity: 0))
        reports.append(.acknowledged(order.clientOrderID, venueOrderID: "V-\(placed.count)"))
    }

    /// Pretends the venue already works `order` (it arrived before the previous process died).
    func adopt(_ order: Order) {
        working.append(VenueOrder(order: order, venueOrderID: "V-adopted", filledQuantity: 0))
    }

    func cancel(_ id: ClientOrderID) async throws(VenueError) {}
    func openOrders() async throws(VenueError) -> [VenueOrder] { working }
    func balances() async throws(VenueError) -> [VenueBalance] { [] }
    func positions() async throws(VenueError) -> [VenuePosition] { [] }
    func bars(symbol: String, timeframe: Timeframe, from start: Int64) async throws(VenueError) -> [Bar] { [] }

    func takeReports() -> [VenueReport] {
        defer { reports.removeAll() }
        return reports
    }
}
