/// One `key: value` pair of a mapping in the loaded tree.
struct YAMLMappingEntry: Sendable {
    /// The key; the loader only keeps scalar keys (complex keys are rejected before parsing).
    let key: YAMLScalar
    /// The value.
    let value: YAMLNode
}
