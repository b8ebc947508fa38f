#if canImport(Glibc)
    import Glibc
#endif

/// Transparent huge pages for column-sized buffers.
///
/// A fresh column of a million bars is 8 MB of pages the kernel maps one 4 KB page at a time on first
/// write; on virtualized machines each such fault costs microseconds, and a backtest's fresh columns
/// cost more than its whole computation. Advising the kernel to back them with 2 MB pages (where it is
/// set to `madvise`, as on Debian) makes first touches several times cheaper. Advice only: where huge
/// pages are off or unsupported nothing changes.
public enum HugePages {
    /// Buffers smaller than this are left alone (a huge page is 2 MB).
    public static let threshold = 4 << 20

    /// Advises huge pages for the whole 2 MB-aligned part of `bytes` bytes at `pointer`, before the
    /// memory is first written.
    public static func advise(_ pointer: UnsafeMutableRawPointer, bytes: Int) {
        #if os(Linux)
            guard bytes >= threshold else { return }
            let huge = 2 << 20
            let start = (Int(bitPattern: pointer) + huge - 1) & ~(huge - 1)
            let end = (Int(bitPattern: pointer) + bytes) & ~(huge - 1)
            guard end > start, let aligned = UnsafeMutableRawPointer(bitPattern: start) else { return }
            _ = madvise(aligned, end - start, MADV_HUGEPAGE)
        #endif
    }

    /// A buffer of `count` values filled with `value`, advised before it is written.
    public static func column(count: Int, repeating value: Double) -> [Double] {
        column(count: count) { $0.initialize(repeating: value) }
    }

    /// A buffer of `count` values written by `body`, which must write every one, advised before it is
    /// written (no pass of a placeholder value first). Its storage fills whole huge pages where the
    /// allocator allows (`arrayCapacity`).
    public static func column(
        count: Int, initializingWith body: (UnsafeMutableBufferPointer<Double>) -> Void
    ) -> [Double] {
        lentColumn(count: count) { written in
            body(written)
            return written.count
        }
    }

    /// A column of `count` values whose storage is lent to `body` uninitialized; `body` returns how
    /// many leading values it wrote, `count` or 0 (an empty column). For a buffer that may be written
    /// by others before its own values go in (a backtest's equity column is lent to the evaluation as
    /// its spare), without a pass that writes placeholders first.
    public static func lentColumn(
        count: Int, _ body: (UnsafeMutableBufferPointer<Double>) -> Int
    ) -> [Double] {
        let stride = MemoryLayout<Double>.stride
        return [Double](unsafeUninitializedCapacity: arrayCapacity(count: count, stride: stride)) {
            buffer, initialized in
            if let base = buffer.baseAddress {
                adviseArray(UnsafeMutableRawPointer(base), bytes: buffer.count * stride)
            }
            initialized = min(body(UnsafeMutableBufferPointer(rebasing: buffer[0..<count])), count)
        }
    }

    // MARK: - Arrays on whole huge pages

    #if os(Linux)
        /// `MADV_COLLAPSE` (Linux 6.1), which the C library's headers may not have yet.
        static let collapse: Int32 = 25
    #endif

    /// The bytes before an array's first element in a large allocation: the array's header (object
    /// header, count and capacity: 32 bytes on 64-bit platforms) after glibc's header of a chunk it
    /// maps on its own (16 bytes).
    static let arrayPrefix = 48

    /// The capacity to reserve for an array of `count` elements of `stride` bytes so that its
    /// allocation can fill whole huge pages (`count` itself below `threshold`).
    ///
    /// A Swift array's storage cannot be given an alignment, and an unaligned one leaves up to 2 MB at
    /// each end to 4 KB faults: for a million-bar column, more than the huge pages of the rest. But
    /// glibc serves a large request with a mapping of its own, rounded to 4 KB (16 bytes of header
    /// first), and Linux (6.7 on) puts an anonymous mapping whose length is a multiple of 2 MB on a
    /// 2 MB boundary. A request that rounds up to exactly whole huge pages therefore starts one: the
    /// capacity here makes it so (the array's header plus its elements end within 4 KB below the
    /// last boundary, which any stride below 4 KB allows), and `adviseArray` then advises the whole
    /// mapping. Where that does not hold (another allocator, a request served from the heap, an older
    /// kernel) the array is only a little longer than asked, and its interior is advised as before.
    public static func arrayCapacity(count: Int, stride: Int) -> Int {
        let huge = 2 << 20
        // Below the threshold, or a stride that could skip past a boundary's 4 KB: as asked.
        guard count * stride >= threshold, stride > 0, stride < 4_000 else { return count }
        // The request to malloc is the 32-byte array header plus the elements; glibc adds its 16 bytes
        // and rounds to 4 KB. It must end at most 32 bytes below the last huge page's end.
        let pages = (count * stride + 64 + huge - 1) / huge
        return (pages * huge - 64) / stride
    }

    /// Advises huge pages for an array's storage of `bytes` bytes of elements at `elements`, before it
    /// is first written. When the elements start `arrayPrefix` bytes past a 2 MB boundary (the array
    /// got a mapping of its own on a boundary, see `arrayCapacity`), the mapping's whole huge pages
    /// are advised, the array's and allocator's headers included (both are the array's own bytes);
    /// otherwise only the 2 MB-aligned part of the elements.
    public static func adviseArray(_ elements: UnsafeMutableRawPointer, bytes: Int) {
        #if os(Linux)
            guard bytes >= threshold else { return }
            let huge = 2 << 20
            let address = Int(bitPattern: elements)
            guard address & (huge - 1) == arrayPrefix,
                let start = UnsafeMutableRawPointer(bitPattern: address - arrayPrefix)
            else { return advise(elements, bytes: bytes) }
            let length = (arrayPrefix + bytes + huge - 1) & ~(huge - 1)
            _ = madvise(start, length, MADV_HUGEPAGE)
            // The headers were written before the advice, so the first huge page's range already has
            // a 4 KB page, and its faults would map the rest 4 KB at a time (512 faults: 0.6 ms here,
            // against 0.05 ms for a huge page). Collapsing it now maps it whole (Linux 6.1 on; an
            // older kernel refuses and nothing changes).
            _ = madvise(start, huge, collapse)
        #else
            advise(elements, bytes: bytes)
        #endif
    }

    /// An uninitialized buffer of at least `count` values, advised (the caller initializes and
    /// deallocates it). A buffer of huge-page size starts on a 2 MB boundary and fills whole huge pages:
    /// an unaligned one leaves up to 2 MB at its ends to 4 KB faults, which on a virtual machine cost
    /// more than the huge pages of the rest (measured: 1.1 ms against 0.4 ms for 8 MB).
    public static func allocate(count: Int) -> UnsafeMutableBufferPointer<Double> {
        let stride = MemoryLayout<Double>.stride
        guard count * stride >= threshold else {
            return UnsafeMutableBufferPointer<Double>.allocate(capacity: max(count, 1))
        }
        let huge = 2 << 20
        let bytes = (count * stride + huge - 1) & ~(huge - 1)
        let raw = UnsafeMutableRawPointer.allocate(byteCount: bytes, alignment: huge)
        advise(raw, bytes: bytes)
        let base = raw.bindMemory(to: Double.self, capacity: bytes / stride)
        return UnsafeMutableBufferPointer(start: base, count: bytes / stride)
    }

    /// Frees a buffer of `allocate(count:)` (through the raw pointer: the allocation's alignment is
    /// not `Double`'s).
    public static func deallocate(_ buffer: UnsafeMutableBufferPointer<Double>) {
        UnsafeMutableRawPointer(buffer.baseAddress)?.deallocate()
    }
}
