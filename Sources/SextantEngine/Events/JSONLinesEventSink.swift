public import Foundation

/// Writes events as JSON lines to a file handle (`--events FILE` or `-` for standard output).
public final class JSONLinesEventSink: EventSink {
    private let handle: FileHandle

    /// A sink writing to `handle`.
    public init(handle: FileHandle) {
        self.handle = handle
    }

    public func emit(_ event: EngineEvent) {
        var line = EventEncoder.bytes(event)
        line.append(UInt8(ascii: "\n"))
        handle.write(Data(line))
    }
}
