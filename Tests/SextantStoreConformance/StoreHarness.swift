public import SextantStore

/// What the conformance checks need from a store implementation's test fixture: the store, a way to
/// open a second store on the same database (as another process would), and a row count made with SQL
/// rather than through the methods under test.
///
/// The store starts with `Samples.version` recorded (orders need their strategy version).
public protocol StoreHarness: Sendable {
    /// The store under test.
    var store: any TradingStore { get }

    /// Another store on the same database.
    func reopen() async throws -> any TradingStore

    /// The number of rows in `table`, counted by SQL.
    func count(_ table: String) async throws -> Int64
}
