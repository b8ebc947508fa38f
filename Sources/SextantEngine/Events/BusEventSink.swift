public import SextantBus

/// Publishes every engine event on the Redis bus (`docs/bus.md`): the same JSON object as the events
/// file, on the event type's channel. Publishing never blocks the engine (the bus queues).
public struct BusEventSink: EventSink {
    let bus: RedisBus

    /// A sink publishing on `bus`.
    public init(_ bus: RedisBus) {
        self.bus = bus
    }

    public func emit(_ event: EngineEvent) {
        guard let type = BusEventType(rawValue: event.kind.rawValue) else { return }
        bus.publish(BusMessage(type, symbol: event.symbol, line: EventEncoder.line(event)))
    }
}
