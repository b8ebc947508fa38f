/// The checks a record passes before any store writes it, shared by every implementation so SQLite and
/// Postgres refuse the same records with the same messages (the schemas' CHECK constraints stay as a
/// second line).
///
/// Numbers are checked for NaN and infinities first of all: SQLite would store a NaN as NULL and the
/// row would come back unreadable.
package enum RecordCheck {
    /// Throws unless `value` is a finite number.
    package static func finite(_ value: Double, _ what: String) throws(StoreError) {
        guard value.isFinite else { throw StoreError.invalidRecord("\(what) is \(value), not a finite number") }
    }

    /// Throws unless `value` is a finite number greater than zero.
    package static func positive(_ value: Double, _ what: String) throws(StoreError) {
        try finite(value, what)
        guard value > 0 else { throw StoreError.invalidRecord("\(what) is \(value), not greater than zero") }
    }

    /// Throws when `value` is empty.
    package static func nonEmpty(_ value: String, _ what: String) throws(StoreError) {
        guard !value.isEmpty else { throw StoreError.invalidRecord("\(what) is empty") }
    }
}
