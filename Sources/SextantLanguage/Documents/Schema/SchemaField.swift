/// One key of a section: its value's type, whether it is required, its default and its doc line.
struct SchemaField: Sendable {
    /// The key as written in the file.
    let key: String
    /// What the value must be.
    let type: SchemaType
    /// True when the section is invalid without it.
    let isRequired: Bool
    /// The value used when the key is absent, for the JSON Schema and `docs/documents.md`.
    let defaultValue: SchemaDefault?
    /// One line for the JSON Schema's `description` and the docs.
    let doc: String

    /// A required key.
    static func required(_ key: String, _ type: SchemaType, _ doc: String) -> SchemaField {
        SchemaField(key: key, type: type, isRequired: true, defaultValue: nil, doc: doc)
    }

    /// An optional key, with the default it takes when absent.
    static func optional(_ key: String, _ type: SchemaType, default defaultValue: SchemaDefault? = nil, _ doc: String)
        -> SchemaField
    {
        SchemaField(key: key, type: type, isRequired: false, defaultValue: defaultValue, doc: doc)
    }
}
