import Foundation
import SextantCore

/// Helpers shared by the bar-file tests.
enum CSVTestSupport {
    /// The header every small test file starts with.
    static let header = "time,open,high,low,close,volume\n"

    /// The repository root (three levels above this file).
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    /// Reads CSV text from memory, as a file at `test.csv` would be read.
    static func read(_ text: String, options: CSVBarReader.Options = .init()) throws(BarFileError) -> BarSeries {
        try read(bytes: Array(text.utf8), options: options)
    }

    /// Reads raw bytes (which need not be UTF-8) from memory.
    static func read(bytes: [UInt8], options: CSVBarReader.Options = .init()) throws(BarFileError) -> BarSeries {
        let result = bytes.withUnsafeBytes { buffer in
            Result { () throws(BarFileError) -> BarSeries in
                try CSVBarReader(options: options).read(bytes: buffer, path: "test.csv")
            }
        }
        return try result.get()
    }

    /// The error reading `text` throws, or nil when it reads cleanly.
    static func error(reading bytes: [UInt8], options: CSVBarReader.Options = .init()) -> BarFileError? {
        do {
            _ = try read(bytes: bytes, options: options)
            return nil
        } catch {
            return error
        }
    }

    /// Writes `text` to a fresh file in the temporary directory and returns its path.
    static func temporaryFile(_ text: String, name: String) throws -> String {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent(
            "sextant-csv-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let url = directory.appendingPathComponent(name)
        try Data(text.utf8).write(to: url)
        return url.path
    }
}

/// A small, fast, seedable generator (SplitMix64), so that property tests are reproducible.
struct SplitMix64: RandomNumberGenerator {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var mixed = state
        mixed = (mixed ^ (mixed >> 30)) &* 0xBF58_476D_1CE4_E5B9
        mixed = (mixed ^ (mixed >> 27)) &* 0x94D0_49BB_1331_11EB
        return mixed ^ (mixed >> 31)
    }
}
