// Times Sextant's indicator kernels and streams on a synthetic series and prints JSON (ns per bar, ns per
// stream update), for scripts/bench-indicators.sh, which pins it to one core and compares with TA-Lib
// on the very same series (written with --write-series). Plain ContinuousClock, best of N runs after a
// warm-up run; no benchmark runtime, so nothing else runs in the process.
//
//   IndicatorTiming [--bars N] [--runs N] [--stream-updates N] [--seed N] [--write-series PATH]
import Foundation
import IndicatorBenchSupport

#if !_endian(little)
    #error("--write-series writes native doubles and promises little-endian ones: add a byte swap here")
#endif

/// Command-line options, with the defaults of scripts/bench-indicators.sh.
struct Options {
    var bars = 1_000_000
    var runs = 11
    var streamUpdates = 1_000_000
    var seed = SyntheticBars.defaultSeed
    var seriesPath: String?

    static func parse(_ arguments: ArraySlice<String>) -> Options {
        var options = Options()
        var rest = arguments
        while let flag = rest.popFirst() {
            guard let value = rest.popFirst() else { fail("\(flag) needs a value") }
            switch flag {
            case "--bars": options.bars = positive(flag, value)
            case "--runs": options.runs = positive(flag, value)
            case "--stream-updates": options.streamUpdates = positive(flag, value)
            case "--seed":
                guard let seed = UInt64(value) else { fail("--seed takes an unsigned integer, not \(value)") }
                options.seed = seed
            case "--write-series": options.seriesPath = value
            default: fail("unknown option \(flag)")
            }
        }
        return options
    }

    private static func positive(_ flag: String, _ value: String) -> Int {
        guard let number = Int(value.replacingOccurrences(of: "_", with: "")), number >= 1 else {
            fail("\(flag) takes a positive integer, not \(value)")
        }
        return number
    }
}

func fail(_ message: String) -> Never {
    FileHandle.standardError.write(Data("IndicatorTiming: \(message)\n".utf8))
    exit(2)
}

func log(_ message: String) {
    FileHandle.standardError.write(Data("\(message)\n".utf8))
}

/// Best and median of `runs` timings of `body` in nanoseconds, after one untimed warm-up call (which
/// also faults in any lazily mapped page and trains the branch predictors, as a long-running engine is).
func measure(runs: Int, _ body: () -> Void) -> (best: Double, median: Double) {
    body()
    var samples: [Double] = []
    samples.reserveCapacity(runs)
    for _ in 0..<runs {
        let start = ContinuousClock.now
        body()
        let (seconds, attoseconds) = (ContinuousClock.now - start).components
        samples.append(Double(seconds) * 1e9 + Double(attoseconds) * 1e-9)
    }
    samples.sort()
    return (samples[0], samples[samples.count / 2])
}

/// `name` padded to a column of 7 characters, for the progress lines.
func padded(_ name: String) -> String {
    name + String(repeating: " ", count: max(0, 7 - name.count))
}

/// `value` rounded to 4 decimals, printed as a JSON number (`null` for nil).
func json(_ value: Double?) -> String {
    guard let value else { return "null" }
    return "\((value * 10_000).rounded() / 10_000)"
}

/// Writes the five columns back to back (open, high, low, close, volume), each `bars.count`
/// little-endian doubles, so numpy reads them with `fromfile(path, "<f8").reshape(5, -1)`.
func writeSeries(_ bars: SyntheticBars, to path: String) {
    guard FileManager.default.createFile(atPath: path, contents: nil),
        let handle = FileHandle(forWritingAtPath: path)
    else { fail("cannot create \(path)") }
    defer { try? handle.close() }
    do {
        for column in bars.columns {
            guard let base = column.baseAddress else { continue }
            let bytes = Data(
                bytesNoCopy: UnsafeMutableRawPointer(mutating: base), count: column.count * 8, deallocator: .none)
            try handle.write(contentsOf: bytes)
        }
    } catch {
        fail("cannot write \(path): \(error)")
    }
}

let options = Options.parse(CommandLine.arguments.dropFirst())
log("generating \(options.bars) synthetic bars (seed \(options.seed))")
let bars = SyntheticBars(count: options.bars, seed: options.seed)
if let path = options.seriesPath { writeSeries(bars, to: path) }
let outputs = KernelOutputs(count: options.bars)

var batch: [String] = []
for indicator in BatchIndicator.allCases {
    let (best, median) = measure(runs: options.runs) { indicator.run(bars, into: outputs) }
    let perBar = best / Double(options.bars)
    log("  \(padded(indicator.name)) batch  \(json(perBar)) ns/bar")
    batch.append(
        """
            "\(indicator.name)": {"call": "\(indicator.talibCall)", "ns_per_bar": \(json(perBar)), \
        "ns_per_bar_median": \(json(median / Double(options.bars))), \
        "talib_anchor_ns_per_bar": \(json(indicator.talibAnchorNanosecondsPerBar))}
        """)
}

let updates = min(options.streamUpdates, options.bars)
var stream: [String] = []
var mix: UInt64 = 0
for indicator in StreamIndicator.allCases {
    let (best, median) = measure(runs: options.runs) { mix ^= indicator.drive(bars, updates: updates) }
    let perUpdate = best / Double(updates)
    log("  \(padded(indicator.name)) stream \(json(perUpdate)) ns/update")
    stream.append(
        """
            "\(indicator.name)": {"ns_per_update": \(json(perUpdate)), \
        "ns_per_update_median": \(json(median / Double(updates)))}
        """)
}

// The checksum goes out with the results so that no stream update can be dropped as dead code; the
// first and last closes let the reader of --write-series check that it read the same series.
print(
    """
    {
      "tool": "sextant",
      "bars": \(options.bars),
      "runs": \(options.runs),
      "seed": \(options.seed),
      "stream_updates": \(updates),
      "first_close": \(bars.close[0]),
      "last_close": \(bars.close[options.bars - 1]),
      "checksum": \(mix ^ outputs.first[options.bars - 1].bitPattern),
      "batch": {
    \(batch.joined(separator: ",\n"))
      },
      "stream": {
    \(stream.joined(separator: ",\n"))
      }
    }
    """)
