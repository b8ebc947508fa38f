import SextantIndicators

/// A builtin's stream held by reference, as the graph's stream evaluator holds each node's stream (its
/// `StreamBox`, internal to SextantGraph): updates go through the existential in a class, with the
/// dynamic exclusivity check that a class property costs, which is what the engine pays per update.
final class BuiltinStreamBox {
    /// The stream, behind the interface every builtin shares.
    var stream: any BuiltinStream

    /// Boxes `stream`.
    init(_ stream: any BuiltinStream) {
        self.stream = stream
    }
}
