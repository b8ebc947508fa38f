/// Where engine events go.
///
/// The engine calls `flush()` at the end of each bar and before it stops: a sink may hold the bar's
/// events until then and hand them on together (the bus does).
public protocol EventSink: Sendable {
    /// Records one event.
    func emit(_ event: EngineEvent)

    /// Hands on any events the sink holds back. The default does nothing.
    func flush()
}

extension EventSink {
    public func flush() {}
}
