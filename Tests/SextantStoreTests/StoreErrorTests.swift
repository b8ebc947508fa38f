import SextantStore
import Testing

@Suite struct StoreErrorTests {
    @Test func carriesItsMessage() {
        #expect(StoreError.database("locked") == .database("locked"))
        #expect(StoreError.database("locked") != .database("busy"))
    }
}
