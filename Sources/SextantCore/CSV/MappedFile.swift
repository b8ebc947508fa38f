#if canImport(Darwin)
    import Darwin
#elseif canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#endif

/// Gives read access to a whole file's bytes: memory-mapped for a regular file, read into memory for
/// anything else (a pipe, `/dev/stdin`, a process substitution), which cannot be mapped.
///
/// Mapping avoids copying the file (a 700 MB CSV is parsed straight out of the page cache). The price:
/// a file truncated by another process *while* it is read makes the kernel raise SIGBUS, so a writer
/// must replace a file (write a new one, then rename) rather than rewrite it in place.
enum MappedFile {
    /// Calls `body` with the bytes of the file at `path`; the bytes are valid only during the call.
    static func withContents<R>(
        ofPath path: String, _ body: (UnsafeRawBufferPointer) throws(BarFileError) -> R
    ) throws(BarFileError) -> R {
        let descriptor = open(path, O_RDONLY)
        guard descriptor >= 0 else { throw unreadable(path, "cannot open the file") }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0 else { throw unreadable(path, "cannot read the file's status") }
        let type = status.st_mode & S_IFMT
        if type == S_IFDIR {
            throw BarFileError(path: path, line: 0, column: 0, kind: .unreadable, message: "is a directory")
        }
        guard type == S_IFREG else { return try readSequentially(descriptor, path: path, body) }
        let size = Int(status.st_size)
        // mmap rejects a zero length; the reader reports an empty file with its own message.
        if size == 0 { return try body(UnsafeRawBufferPointer(start: nil, count: 0)) }
        let mapped: UnsafeMutableRawPointer? = mmap(nil, size, PROT_READ, MAP_PRIVATE, descriptor, 0)
        // MAP_FAILED is the C macro `(void *)-1`, which Swift does not import.
        guard let mapping = mapped, mapping != UnsafeMutableRawPointer(bitPattern: -1) else {
            // Some file systems cannot map; reading is slower but equally correct.
            return try readSequentially(descriptor, path: path, body)
        }
        defer { munmap(mapping, size) }
        // The parser reads front to back: let the kernel read ahead aggressively and drop pages behind.
        _ = madvise(mapping, size, MADV_SEQUENTIAL)
        return try body(UnsafeRawBufferPointer(start: mapping, count: size))
    }

    /// Reads a descriptor to its end into one buffer.
    private static func readSequentially<R>(
        _ descriptor: Int32, path: String, _ body: (UnsafeRawBufferPointer) throws(BarFileError) -> R
    ) throws(BarFileError) -> R {
        var buffer: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 1 << 20)
        while true {
            let count = chunk.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            if count == 0 { break }
            if count < 0 {
                if errno == EINTR { continue }
                throw unreadable(path, "cannot read the file")
            }
            buffer.append(contentsOf: chunk[0..<count])
        }
        // `Array.withUnsafeBytes` rethrows untyped errors, so the typed one travels in a `Result`.
        let result = buffer.withUnsafeBytes { bytes in Result { () throws(BarFileError) -> R in try body(bytes) } }
        return try result.get()
    }

    /// An error for the current `errno`, e.g. "cannot open the file: No such file or directory".
    private static func unreadable(_ path: String, _ what: String) -> BarFileError {
        let reason = String(cString: strerror(errno))
        return BarFileError(path: path, line: 0, column: 0, kind: .unreadable, message: "\(what): \(reason)")
    }
}
