/// The timings of one builtin's stream, through the table and typed, as printed and written to the JSON.
///
/// A path that was not measured (`--typed-only`, or a builtin without a typed stream) has nil numbers,
/// written as JSON nulls so that every entry has every key.
struct StreamMeasurement: Sendable, Encodable {
    /// The builtin's name.
    let name: String
    /// The input columns, in the kernel's order.
    let inputs: String
    /// The settings its stream was made with.
    let settings: String
    /// Updates per timed run (both paths).
    let updates: Int
    /// Through the table: best of the timed runs, in nanoseconds per update.
    let nsPerUpdate: Double?
    /// Through the table: median of the timed runs, in nanoseconds per update.
    let nsPerUpdateMedian: Double?
    /// Through the table: `ok` or `over` against the goal, or `per-window statistic`.
    let verdict: String?
    /// The typed stream's type (`SMAStream`), or nil when there is none.
    let typedStream: String?
    /// Typed: best of the timed runs, in nanoseconds per update.
    let typedNsPerUpdate: Double?
    /// Typed: median of the timed runs, in nanoseconds per update.
    let typedNsPerUpdateMedian: Double?
    /// Typed: `ok` or `over` against the goal, or `per-window statistic`.
    let typedVerdict: String?
    /// Why the typed stream was not timed, or nil when it was.
    let typedMissing: String?
    /// Whether both paths' outputs had the same checksum (nil unless both were timed): the evidence that the
    /// typed stream is the table's, with its settings, on its inputs.
    let outputsMatch: Bool?

    enum CodingKeys: String, CodingKey {
        case name, inputs, settings, updates, verdict
        case nsPerUpdate = "ns_per_update"
        case nsPerUpdateMedian = "ns_per_update_median"
        case typedStream = "typed_stream"
        case typedNsPerUpdate = "typed_ns_per_update"
        case typedNsPerUpdateMedian = "typed_ns_per_update_median"
        case typedVerdict = "typed_verdict"
        case typedMissing = "typed_missing"
        case outputsMatch = "outputs_match"
    }

    /// Writes every key, nil values as null (the synthesized form would leave them out).
    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(name, forKey: .name)
        try container.encode(inputs, forKey: .inputs)
        try container.encode(settings, forKey: .settings)
        try container.encode(updates, forKey: .updates)
        try container.encode(nsPerUpdate, forKey: .nsPerUpdate)
        try container.encode(nsPerUpdateMedian, forKey: .nsPerUpdateMedian)
        try container.encode(verdict, forKey: .verdict)
        try container.encode(typedStream, forKey: .typedStream)
        try container.encode(typedNsPerUpdate, forKey: .typedNsPerUpdate)
        try container.encode(typedNsPerUpdateMedian, forKey: .typedNsPerUpdateMedian)
        try container.encode(typedVerdict, forKey: .typedVerdict)
        try container.encode(typedMissing, forKey: .typedMissing)
        try container.encode(outputsMatch, forKey: .outputsMatch)
    }
}
