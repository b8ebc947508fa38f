/// Everything `StreamTiming` writes to its JSON file (`.build-bench/bench-streams.json` from the script).
struct StreamReport: Sendable, Encodable {
    /// Bars in the series (and updates per run of the O(1) streams).
    let bars: Int
    /// Timed runs per builtin, after one warm-up run.
    let runs: Int
    /// Updates per run of the per-window statistics.
    let windowUpdates: Int
    /// The series' seed.
    let seed: UInt64
    /// The goal each O(1) stream is held to, in nanoseconds per update.
    let goalNanoseconds: Double
    /// The CPUs the process was allowed to run on (`Cpus_allowed_list`), or `unknown`.
    let cpus: String
    /// The CPU's model name, or empty.
    let cpu: String
    /// The 1, 5 and 15 minute load averages when the timing began.
    let loadAverage: [Double]
    /// The same when the timing ended.
    let loadAverageEnd: [Double]
    /// Whether only the typed streams were timed (`--typed-only`).
    let typedOnly: Bool
    /// The XOR of every output's bit pattern of every run through the table (0 with `--typed-only`):
    /// printed so that no update is dead code.
    let checksum: UInt64
    /// The same for the typed streams.
    let typedChecksum: UInt64
    /// One entry per timed builtin, sorted by name.
    let builtins: [StreamMeasurement]
    /// The builtins of the table that were not timed, and why.
    let skipped: [Skip]

    enum CodingKeys: String, CodingKey {
        case bars, runs, seed, cpus, cpu, checksum, builtins, skipped
        case windowUpdates = "window_updates"
        case goalNanoseconds = "goal_ns"
        case loadAverage = "load_average"
        case loadAverageEnd = "load_average_end"
        case typedOnly = "typed_only"
        case typedChecksum = "typed_checksum"
    }
}
