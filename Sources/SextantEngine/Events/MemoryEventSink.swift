import Synchronization

/// Keeps events in memory (tests, and the dry-run's summary).
public final class MemoryEventSink: EventSink {
    private let storage = Mutex<[EngineEvent]>([])

    /// An empty sink.
    public init() {}

    public func emit(_ event: EngineEvent) { storage.withLock { $0.append(event) } }

    /// Every event so far, in order.
    public var events: [EngineEvent] { storage.withLock { $0 } }
}
