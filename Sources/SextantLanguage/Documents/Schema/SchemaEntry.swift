/// One valid `key: value` of a `SchemaMapping`.
struct SchemaEntry: Sendable {
    /// The key and its span.
    var key: Located<String>
    /// The validated value.
    var value: SchemaValue
}
