public import Foundation

/// Runs the built `sextant` executable and captures what it prints: the command-line tests of
/// `SextantCLITests` and `SextantPostgresTests` (whose targets depend on the executable, so it is built).
public enum CLIRunner {
    /// What a run printed, and its exit status.
    public struct Output: Sendable {
        public var status: Int32
        public var stdout: String
        public var stderr: String
    }

    /// The repository root, found from this file's path.
    public static let root = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The `sextant` binary next to the test bundle (the test target depends on it, so it is built).
    public static func executable() throws -> URL {
        let candidates = [
            URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent(),
            Bundle.main.bundleURL,
            Bundle.main.bundleURL.deletingLastPathComponent(),
        ]
        for directory in candidates {
            let url = directory.appendingPathComponent("sextant")
            if FileManager.default.isExecutableFile(atPath: url.path) { return url }
        }
        throw CLIError("sextant executable not found next to \(CommandLine.arguments[0])")
    }

    /// A test precondition that does not hold (the executable not found, a server not configured).
    public struct CLIError: Error, CustomStringConvertible {
        public var description: String
        public init(_ description: String) { self.description = description }
    }

    /// Runs `sextant ARGUMENTS` in the repository root.
    public static func run(_ arguments: [String], environment: [String: String] = [:]) throws -> Output {
        let process = Process()
        process.executableURL = try executable()
        process.arguments = arguments
        process.currentDirectoryURL = root
        var env = ProcessInfo.processInfo.environment
        env["NO_COLOR"] = "1"
        for (key, value) in environment { env[key] = value }
        process.environment = env
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        // Read before waiting so a large output cannot fill the pipe and block the child.
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Output(
            status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self),
            stderr: String(decoding: stderr, as: UTF8.self))
    }

    /// Writes `text` to a new temporary file and returns its path.
    public static func temporaryFile(_ text: String, name: String = "strategy.yaml") throws -> String {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent(
            "sextant-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let url = directory.appendingPathComponent(name)
        try text.write(to: url, atomically: true, encoding: .utf8)
        return url.path
    }
}
