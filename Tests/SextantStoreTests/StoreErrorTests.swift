import SextantStore
import Testing

@Suite struct StoreErrorTests {
    @Test(arguments: [
        (StoreError.unavailable("locked"), true),
        (.closed, false),
        (.cancelled, false),
        (.notADatabase(path: "x"), false),
        (.corrupted(path: "x", detail: "y"), false),
        (.invalidRecord("z"), false),
        (.orderNotFound(clientOrderID: "A"), false),
    ])
    func onlyUnavailabilityIsTransient(error: StoreError, transient: Bool) {
        #expect(error.isTransient == transient)
    }

    @Test func messagesNameTheFile() {
        #expect(StoreError.notADatabase(path: "var/x.sqlite").description == "var/x.sqlite is not an SQLite database")
        #expect(
            StoreError.corrupted(path: "var/x.sqlite", detail: "malformed").description
                == "the store at var/x.sqlite is damaged: malformed")
    }
}
