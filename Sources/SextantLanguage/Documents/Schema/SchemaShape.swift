/// The shape of a YAML node, which picks the alternative of a `oneOf`.
enum SchemaShape: Sendable, Hashable {
    case scalar
    case list
    case mapping
}
