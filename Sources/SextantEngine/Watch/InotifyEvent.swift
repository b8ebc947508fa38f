/// One record read from an inotify file descriptor.
struct InotifyEvent: Sendable, Hashable {
    /// The watch descriptor the event is about.
    var watch: Int32
    /// The `IN_*` bits.
    var mask: UInt32
    /// Pairs an `IN_MOVED_FROM` with its `IN_MOVED_TO`.
    var cookie: UInt32
    /// The file name inside the watched directory; empty for events about the directory itself.
    var name: String

    /// Size of `struct inotify_event` before its name: `int wd; uint32_t mask, cookie, len;`.
    static let headerSize = 16

    /// Decodes the records of one `read`. The kernel never splits a record across reads; a
    /// truncated tail (which it would be a bug to see) is dropped rather than trusted.
    static func parse(_ bytes: UnsafeRawBufferPointer) -> [InotifyEvent] {
        var events: [InotifyEvent] = []
        var offset = 0
        while offset + headerSize <= bytes.count {
            let watch = bytes.loadUnaligned(fromByteOffset: offset, as: Int32.self)
            let mask = bytes.loadUnaligned(fromByteOffset: offset + 4, as: UInt32.self)
            let cookie = bytes.loadUnaligned(fromByteOffset: offset + 8, as: UInt32.self)
            let length = Int(bytes.loadUnaligned(fromByteOffset: offset + 12, as: UInt32.self))
            let nameStart = offset + headerSize
            guard nameStart + length <= bytes.count else { break }
            // The name is NUL-terminated and padded with NULs to an alignment boundary.
            let nameBytes = bytes[nameStart..<(nameStart + length)].prefix { $0 != 0 }
            events.append(
                InotifyEvent(
                    watch: watch, mask: mask, cookie: cookie, name: String(decoding: nameBytes, as: UTF8.self)))
            offset = nameStart + length
        }
        return events
    }
}
