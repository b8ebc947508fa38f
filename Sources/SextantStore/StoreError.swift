/// Why a store operation failed.
public enum StoreError: Error, Sendable, Equatable {
    /// The database could not be opened or migrated, or a statement failed.
    case database(String)
}
