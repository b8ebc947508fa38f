/// The schema of Sextant's YAML files (DSL.md §1, §2, §4): one declarative definition per
/// document kind that the loader validates with and that prints as JSON Schema for editors.
///
/// ```swift
/// let text = DocumentSchema.jsonSchema()   // draft 2020-12, `oneOf` on `kind`
/// ```
public enum DocumentSchema {
    /// The JSON Schema (draft 2020-12) of the three document kinds, generated from the same
    /// definitions the loader validates with: `oneOf` on `kind`, a description for every key,
    /// enums for word values and `additionalProperties: false` on every fixed-key section.
    /// The text has no trailing newline.
    public static func jsonSchema() -> String {
        JSONSchemaGenerator.schema().rendered()
    }

    /// The top-level keys of a document of `kind`.
    static func fields(for kind: DocumentKind) -> [SchemaField] {
        switch kind {
        case .strategy: strategyFields
        case .risk: riskFields
        case .engine: engineFields
        }
    }

    /// One line about a document kind.
    static func summary(of kind: DocumentKind) -> String {
        switch kind {
        case .strategy:
            "A strategy (Strategies/*.yaml): signals, sizing, stops, the strategy's own limits and inline tests."
        case .risk:
            "A risk policy (Config/risk*.yaml): account-wide limits and circuit breakers applied to every order of every strategy."
        case .engine:
            "An engine configuration (Config/engine*.yaml): which strategies and risk policy to load, the venue, data feed, store, bus and hot reload."
        }
    }

    /// Keys that look like secrets. They are never valid: secrets come from the environment.
    static let secretMarkers = [
        "api_key", "apikey", "api-key", "secret", "password", "passwd", "passphrase", "token", "private_key",
    ]
}
