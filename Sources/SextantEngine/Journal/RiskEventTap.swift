import Synchronization

/// An event sink in front of another: forwards every event and keeps the `risk` ones (the gate's
/// decisions, the kill switch, the store's own halts) for `RunJournal` to store.
final class RiskEventTap: EventSink {
    let forward: any EventSink
    private let kept = Mutex<[EngineEvent]>([])

    init(forwardingTo forward: any EventSink) {
        self.forward = forward
    }

    func emit(_ event: EngineEvent) {
        if event.kind == .risk { kept.withLock { $0.append(event) } }
        forward.emit(event)
    }

    func flush() {
        forward.flush()
    }

    /// The risk events kept since the last call, in order.
    func take() -> [EngineEvent] {
        kept.withLock { kept in
            defer { kept.removeAll(keepingCapacity: true) }
            return kept
        }
    }
}
