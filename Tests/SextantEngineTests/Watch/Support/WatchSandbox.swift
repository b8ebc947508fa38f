import Foundation
import SextantEngine

#if canImport(Glibc)
    import Glibc
#endif

/// A temporary directory with `Strategies/` and `Config/`, removed when released, plus the file
/// operations the watcher tests perform in it.
final class WatchSandbox {
    /// Why a sandbox operation failed.
    enum Failure: Error {
        case system(String, Int32)
        case missingTool(String)
        case toolFailed(String, Int32)
    }

    /// The directory's absolute, normalized path (the form the watcher reports paths in).
    let root: String

    init() throws {
        let base = FileManager.default.temporaryDirectory.path
        root = WatchPattern.normalize("sextant-watch-\(UUID().uuidString)", relativeTo: base)
        for directory in ["", "Strategies", "Config"] {
            try FileManager.default.createDirectory(atPath: path(directory), withIntermediateDirectories: true)
        }
    }

    deinit { try? FileManager.default.removeItem(atPath: root) }

    /// The absolute path of a path relative to the sandbox.
    func path(_ relative: String) -> String { relative.isEmpty ? root : root + "/" + relative }

    /// A watcher over the sandbox with a short debounce and quick re-watching.
    func watcher(
        _ patterns: [String] = ["Strategies/*.yaml", "Config/risk.yaml"], debounce: Duration = .milliseconds(50)
    ) throws -> FileWatcher {
        try FileWatcher(watching: patterns, relativeTo: root, debounce: debounce, rewatchInterval: .milliseconds(50))
    }

    /// Writes a file in place (`O_TRUNC`, the inode kept), as `>` in a shell does.
    func write(_ relative: String, _ text: String, flags: Int32 = O_TRUNC) throws {
        let descriptor = open(path(relative), O_WRONLY | O_CREAT | flags, 0o644)
        guard descriptor >= 0 else { throw Failure.system("open \(relative)", errno) }
        defer { close(descriptor) }
        let bytes = Array(text.utf8)
        let written = bytes.withUnsafeBytes { Glibc.write(descriptor, $0.baseAddress, $0.count) }
        guard written == bytes.count else { throw Failure.system("write \(relative)", errno) }
    }

    /// The text of a file.
    func read(_ relative: String) throws -> String {
        try String(contentsOfFile: path(relative), encoding: .utf8)
    }

    /// The inode number of a file.
    func inode(_ relative: String) throws -> UInt {
        var info = stat()
        guard stat(path(relative), &info) == 0 else { throw Failure.system("stat \(relative)", errno) }
        return UInt(info.st_ino)
    }

    /// `rename(2)`: atomic, replacing the destination.
    func rename(_ from: String, _ to: String) throws {
        guard Glibc.rename(path(from), path(to)) == 0 else { throw Failure.system("rename \(from)", errno) }
    }

    /// Removes a file or a whole directory.
    func remove(_ relative: String) throws {
        try FileManager.default.removeItem(atPath: path(relative))
    }

    /// Creates a directory.
    func makeDirectory(_ relative: String) throws {
        try FileManager.default.createDirectory(atPath: path(relative), withIntermediateDirectories: true)
    }

    /// Runs a tool in the sandbox and waits for it; a failure exit throws.
    func run(_ tool: String, _ arguments: [String]) throws {
        guard let executable = WatchSandbox.find(tool) else { throw Failure.missingTool(tool) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.currentDirectoryURL = URL(fileURLWithPath: root)
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw Failure.toolFailed(tool, process.terminationStatus)
        }
    }

    /// The path of an executable on `PATH`, if there is one.
    static func find(_ tool: String) -> String? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        for directory in path.split(separator: ":") {
            let candidate = "\(directory)/\(tool)"
            if access(candidate, X_OK) == 0 { return candidate }
        }
        return nil
    }
}
