import SextantIndicators

/// A stream held by reference, so the evaluator updates it without copying the existential.
final class StreamBox {
    var stream: any BuiltinStream

    init(_ stream: any BuiltinStream) {
        self.stream = stream
    }
}
