import Foundation
import Synchronization

/// Stops every new order at once: by a flag file (`sextant kill` writes it; any process or person can
/// create it), or by SIGUSR1. The engine polls it at every bar; engaged, the risk gate refuses every
/// order, and with `flatten` the engine first closes every position.
public final class KillSwitch: Sendable {
    /// What engaging asks for.
    public enum Mode: String, Sendable {
        /// No new orders.
        case halt
        /// Close every position, then no new orders.
        case flatten
    }

    /// The default flag file, beside the embedded store.
    public static let defaultFlagPath = "var/sextant.kill"

    /// The flag file polled.
    public let flagPath: String
    private let signalled = Mutex<Mode?>(nil)
    /// Keeps the SIGUSR1 source alive; written once by `listenForSignal()`, never read.
    nonisolated(unsafe) private var source: (any DispatchSourceSignal)?

    /// A switch polling `flagPath`.
    public init(flagPath: String = KillSwitch.defaultFlagPath) {
        self.flagPath = flagPath
    }

    /// Engages the switch of every engine polling `path`: writes the flag file (its content is the mode).
    public static func engage(flagPath path: String = defaultFlagPath, mode: Mode) throws {
        let folder = URL(fileURLWithPath: path).deletingLastPathComponent()
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try Data((mode.rawValue + "\n").utf8).write(to: URL(fileURLWithPath: path), options: .atomic)
    }

    /// Also engages (halting) on SIGUSR1 to this process.
    public func listenForSignal() {
        signal(SIGUSR1, SIG_IGN)
        let source = DispatchSource.makeSignalSource(signal: SIGUSR1, queue: .global())
        source.setEventHandler { [weak self] in self?.signalled.withLock { $0 = $0 ?? .halt } }
        source.resume()
        self.source = source
    }

    /// The mode asked for, if the switch is engaged (the flag file's content, `halt` unless it says
    /// `flatten`).
    public func engaged() -> Mode? {
        if let mode = signalled.withLock({ $0 }) { return mode }
        guard let data = FileManager.default.contents(atPath: flagPath) else { return nil }
        let text = String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        return Mode(rawValue: text) ?? .halt
    }
}
