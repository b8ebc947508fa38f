public import Foundation
import Synchronization

/// Where engine events go.
public protocol EventSink: Sendable {
    /// Records one event.
    func emit(_ event: EngineEvent)
}

/// Writes events as JSON lines to a file handle (`--events FILE` or `-` for standard output).
public final class JSONLinesEventSink: EventSink {
    private let handle: FileHandle

    /// A sink writing to `handle`.
    public init(handle: FileHandle) {
        self.handle = handle
    }

    public func emit(_ event: EngineEvent) {
        handle.write(Data((EventEncoder.line(event) + "\n").utf8))
    }
}

/// Keeps events in memory (tests, and the dry-run's summary).
public final class MemoryEventSink: EventSink {
    private let storage = Mutex<[EngineEvent]>([])

    /// An empty sink.
    public init() {}

    public func emit(_ event: EngineEvent) { storage.withLock { $0.append(event) } }

    /// Every event so far, in order.
    public var events: [EngineEvent] { storage.withLock { $0 } }
}

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
}
