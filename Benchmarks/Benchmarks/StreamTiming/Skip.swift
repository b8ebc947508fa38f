/// A builtin of the table that the tool does not time, and why.
struct Skip: Error, Sendable, Encodable {
    /// The builtin's name.
    let name: String
    /// Why it is not timed (`no kernel` for the sizing functions, which the simulation evaluates per order).
    let reason: String
}
