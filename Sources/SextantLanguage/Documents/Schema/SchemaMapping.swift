/// A validated mapping: an object's known keys or a free-keyed map's entries, in file order.
struct SchemaMapping: Sendable {
    /// The valid entries.
    var entries: [SchemaEntry]
    /// The whole mapping.
    var span: SourceSpan
    /// The key that introduces it (the item's start for a list item, the document start at the root).
    var keySpan: SourceSpan

    /// The value of `key`, if present and valid.
    subscript(key: String) -> SchemaValue? {
        entries.first { $0.key.value == key }?.value
    }
}
