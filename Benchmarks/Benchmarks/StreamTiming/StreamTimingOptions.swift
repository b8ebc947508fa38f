import Foundation
import IndicatorBenchSupport

/// Command-line options of `StreamTiming`, with the defaults of scripts/bench-streams.sh.
struct StreamTimingOptions {
    /// Bars in the synthetic series, and updates per timed run of every O(1) stream.
    var bars = 1_000_000
    /// Timed runs per builtin, after one warm-up run; the best is reported.
    var runs = 11
    /// Updates per run of the per-window statistics (at most `bars`): one of their updates costs one
    /// batch window, so a million of each would take minutes.
    var windowUpdates = 20_000
    /// The series' seed.
    var seed = SyntheticBars.defaultSeed
    /// The builtins to time (all that have a stream when nil).
    var only: Set<String>?
    /// Where to write the JSON results (nothing is written without it).
    var jsonPath: String?
    /// Time only the typed streams, not the table path (a quicker run).
    var typedOnly = false

    /// Parses `--bars N --runs N --window-updates N --seed N --only NAME,… --json PATH --typed-only`; exits
    /// with status 2 on a bad one.
    static func parse(_ arguments: ArraySlice<String>) -> StreamTimingOptions {
        var options = StreamTimingOptions()
        var rest = arguments
        while let flag = rest.popFirst() {
            if flag == "-h" || flag == "--help" {
                print(
                    "usage: StreamTiming [--bars N] [--runs N] [--window-updates N] [--seed N] [--only NAME,…] "
                        + "[--json PATH] [--typed-only]")
                exit(0)
            }
            if flag == "--typed-only" {
                options.typedOnly = true
                continue
            }
            guard let value = rest.popFirst() else { fail("\(flag) needs a value") }
            switch flag {
            case "--bars": options.bars = positive(flag, value)
            case "--runs": options.runs = positive(flag, value)
            case "--window-updates": options.windowUpdates = positive(flag, value)
            case "--seed":
                guard let seed = UInt64(value) else { fail("--seed takes an unsigned integer, not \(value)") }
                options.seed = seed
            case "--only": options.only = Set(value.split(separator: ",").map(String.init))
            case "--json": options.jsonPath = value
            default: fail("unknown option \(flag)")
            }
        }
        return options
    }

    /// `value` as a positive integer (underscores and commas ignored), or exit with status 2.
    private static func positive(_ flag: String, _ value: String) -> Int {
        let digits = value.filter { $0 != "_" && $0 != "," }
        guard let number = Int(digits), number >= 1 else { fail("\(flag) takes a positive integer, not \(value)") }
        return number
    }

    /// Prints `message` to standard error and exits with the usage status.
    static func fail(_ message: String) -> Never {
        FileHandle.standardError.write(Data("StreamTiming: \(message)\n".utf8))
        exit(2)
    }
}
