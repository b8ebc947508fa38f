/// A stored value the store cannot turn back into a record (an unknown enum text, say): reported as
/// `StoreError.corrupted` with the store's path by `SQLiteErrorMapping`.
struct UnreadableRow: Error {
    /// Which table and column.
    var column: String
    /// The stored value, as text.
    var value: String
}
