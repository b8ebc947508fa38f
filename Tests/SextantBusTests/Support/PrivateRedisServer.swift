import Foundation
import SextantBus

/// A redis-server of the test's own on a free port, which the test may stop and start again: the shared
/// test server must not be restarted under the other tests running in parallel.
final class PrivateRedisServer {
    let port: Int
    let folder: URL
    private var process: Process?

    struct Unavailable: Error, CustomStringConvertible {
        var description: String
    }

    init() throws {
        port = try Self.freePort()
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("sextant-bus-\(port)-\(getpid())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    }

    deinit {
        stop()
        try? FileManager.default.removeItem(at: folder)
    }

    var url: BusURL { BusURL(host: "127.0.0.1", port: port) }

    /// Starts the server and waits until it answers.
    func start() throws {
        let candidates = ["/usr/bin/redis-server", "/usr/local/bin/redis-server", "/usr/sbin/redis-server"]
        guard let executable = candidates.first(where: { FileManager.default.isExecutableFile(atPath: $0) }) else {
            throw Unavailable(
                description: "redis-server is not installed: run scripts/services.sh (or apt-get install redis-server)")
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = [
            "--bind", "127.0.0.1", "--port", String(port), "--save", "", "--appendonly", "no", "--dir", folder.path,
        ]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        self.process = process
        // Seconds, not milliseconds, on a machine busy with the rest of the tests.
        let deadline = ContinuousClock.now + .seconds(20)
        while ContinuousClock.now < deadline {
            if let redis = try? RedisConnection(url: url, connectTimeout: .milliseconds(200)),
                (try? redis.command(["PING"])) == .status("PONG")
            {
                return
            }
            usleep(20_000)
        }
        throw Unavailable(description: "redis-server on port \(port) did not answer within 20 s")
    }

    /// Kills the server, as a crash would. SIGKILL rather than `terminate()`: the child inherits the test
    /// thread's signal mask, in which SIGTERM is blocked, and would never stop.
    func stop() {
        guard let process else { return }
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        self.process = nil
    }

    /// A port nobody listens on: bind port 0, read what the kernel chose, close.
    private static func freePort() throws -> Int {
        let socket = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard socket >= 0 else { throw Unavailable(description: "socket() failed") }
        defer { close(socket) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                bind(socket, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        guard bound == 0 else { throw Unavailable(description: "bind() failed") }
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let named = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(socket, $0, &length) }
        }
        guard named == 0 else { throw Unavailable(description: "getsockname() failed") }
        return Int(UInt16(bigEndian: address.sin_port))
    }
}
