public import SextantBus
import Synchronization

/// Publishes every engine event on the Redis bus (`docs/bus.md`): the same JSON object as the events
/// file, on the event type's channel. Publishing never blocks the engine (the bus queues).
///
/// A bar's events are held until the engine's `flush()` at the end of the bar (or until
/// `batchLimit` are held) and queued together: a bar of 500 symbols makes thousands of events, and
/// waking the bus thread for each one cost more than encoding them.
public final class BusEventSink: EventSink {
    let bus: RedisBus
    private let held = Mutex(Held())

    /// The events not yet queued, and the last event time's literal (a bar's events share it).
    private struct Held: ~Copyable {
        var messages: [BusMessage] = []
        var time: Int64?
        var timeLiteral: [UInt8] = []
    }

    /// The most events held before they are queued without waiting for `flush()`.
    static let batchLimit = 4096

    /// A sink publishing on `bus`.
    public init(_ bus: RedisBus) {
        self.bus = bus
    }

    public func emit(_ event: EngineEvent) {
        guard let type = BusEventType(rawValue: event.kind.rawValue) else { return }
        let full = held.withLock { held -> [BusMessage] in
            if held.time != event.time {
                held.time = event.time
                held.timeLiteral = EventEncoder.timeLiteral(event.time)
            }
            held.messages.append(
                BusMessage(type, symbol: event.symbol, payload: EventEncoder.bytes(event, time: held.timeLiteral)))
            guard held.messages.count >= Self.batchLimit else { return [] }
            defer { held.messages.removeAll(keepingCapacity: true) }
            return held.messages
        }
        bus.publish(contentsOf: full)
    }

    public func flush() {
        let batch = held.withLock { held -> [BusMessage] in
            defer { held.messages.removeAll(keepingCapacity: true) }
            return held.messages
        }
        bus.publish(contentsOf: batch)
    }
}
