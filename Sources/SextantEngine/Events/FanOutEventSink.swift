/// Sends each event to several sinks.
public struct FanOutEventSink: EventSink {
    let sinks: [any EventSink]

    /// A sink forwarding to `sinks` in order.
    public init(_ sinks: [any EventSink]) {
        self.sinks = sinks
    }

    public func emit(_ event: EngineEvent) {
        for sink in sinks { sink.emit(event) }
    }

    public func flush() {
        for sink in sinks { sink.flush() }
    }
}
