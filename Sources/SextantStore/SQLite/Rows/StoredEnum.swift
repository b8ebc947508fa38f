internal import GRDB

/// Reads enum-like columns, reporting an unknown stored text as `UnreadableRow` instead of trapping.
enum StoredEnum {
    /// The value of `type` whose raw value is the text in `column`.
    static func decode<Value: RawRepresentable>(
        _ type: Value.Type, from row: Row, column: String, table: String
    ) throws -> Value where Value.RawValue == String {
        let text: String = try row.decode(forColumn: column)
        guard let value = Value(rawValue: text) else {
            throw UnreadableRow(column: "\(table).\(column)", value: text)
        }
        return value
    }
}
