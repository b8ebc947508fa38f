import Testing

@testable import SextantEngine

@Suite struct InotifyEventTests {
    /// One record laid out as `struct inotify_event`, the name NUL-padded to `padded` bytes.
    private func record(watch: Int32, mask: UInt32, cookie: UInt32, name: String, padded: Int) -> [UInt8] {
        var bytes: [UInt8] = []
        withUnsafeBytes(of: watch.littleEndian) { bytes += $0 }
        withUnsafeBytes(of: mask.littleEndian) { bytes += $0 }
        withUnsafeBytes(of: cookie.littleEndian) { bytes += $0 }
        withUnsafeBytes(of: UInt32(padded).littleEndian) { bytes += $0 }
        bytes += Array(name.utf8) + Array(repeating: 0, count: padded - name.utf8.count)
        return bytes
    }

    @Test func recordsAreDecodedInOrder() {
        let bytes =
            record(watch: 1, mask: 0x100, cookie: 0, name: "sma.yaml", padded: 16)
            + record(watch: 2, mask: 0x400, cookie: 0, name: "", padded: 0)
            + record(watch: 1, mask: 0x80, cookie: 7, name: "risk.yaml", padded: 32)
        let events = bytes.withUnsafeBytes { InotifyEvent.parse($0) }
        #expect(
            events == [
                InotifyEvent(watch: 1, mask: 0x100, cookie: 0, name: "sma.yaml"),
                InotifyEvent(watch: 2, mask: 0x400, cookie: 0, name: ""),
                InotifyEvent(watch: 1, mask: 0x80, cookie: 7, name: "risk.yaml"),
            ])
    }

    @Test func aTruncatedTailIsDropped() {
        let whole = record(watch: 1, mask: 0x8, cookie: 0, name: "a.yaml", padded: 16)
        let bytes = whole + Array(record(watch: 1, mask: 0x8, cookie: 0, name: "b.yaml", padded: 16).prefix(20))
        let events = bytes.withUnsafeBytes { InotifyEvent.parse($0) }
        #expect(events == [InotifyEvent(watch: 1, mask: 0x8, cookie: 0, name: "a.yaml")])
    }
}
