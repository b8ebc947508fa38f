extension RiskEventRecord {
    /// What the risk gate decided.
    ///
    /// An open set rather than an enum: the store keeps whatever the engine's gate decides (a new circuit
    /// breaker action must not need a schema migration), while the common decisions have names.
    public struct Decision: RawRepresentable, Sendable, Hashable, Codable, CustomStringConvertible {
        /// The stored text, lowercase with underscores.
        public var rawValue: String

        /// A decision from its stored text.
        public init(rawValue: String) {
            self.rawValue = rawValue
        }

        /// The order passed unchanged.
        public static let allowed = Decision(rawValue: "allowed")
        /// The order was refused.
        public static let rejected = Decision(rawValue: "rejected")
        /// The order passed with a smaller quantity.
        public static let reduced = Decision(rawValue: "reduced")
        /// New entries stopped (`halt_entries`).
        public static let haltEntries = Decision(rawValue: "halt_entries")
        /// Positions closed (`flatten`).
        public static let flatten = Decision(rawValue: "flatten")
        /// All new orders stopped (`halt_all`, the kill switch).
        public static let haltAll = Decision(rawValue: "halt_all")

        public var description: String { rawValue }

        /// Decodes the bare string.
        public init(from decoder: any Decoder) throws {
            rawValue = try decoder.singleValueContainer().decode(String.self)
        }

        /// Encodes the bare string.
        public func encode(to encoder: any Encoder) throws {
            var container = encoder.singleValueContainer()
            try container.encode(rawValue)
        }
    }
}
