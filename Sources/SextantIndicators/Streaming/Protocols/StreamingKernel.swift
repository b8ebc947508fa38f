/// The streaming twin of a batch kernel: it takes one bar at a time, in O(1) time and memory per bar,
/// and gives on every bar the bit pattern the batch kernel gives for that bar of the whole column.
///
/// The input shape is the refining protocol's: `SeriesStream` (one series), `PairStream` (two),
/// `TripleStream` (three), `BarStream` (fields of a bar), `ConditionStream` (a condition) and
/// `ConditionalStream` (a condition and a series). Each has a primary associated type `Output`
/// (`Double`, `Bool`, or a small struct for multi-output indicators such as `MACDStream.Output`), so a
/// graph evaluator can hold them as `any SeriesStream<Double>` or drive them generically.
///
/// **NaN policy** (the batch kernels', see `ValidRuns`): a stream treats each unbroken stretch of bars on
/// which every input it reads is a number as a series of its own. A bar with a NaN input gives NaN
/// (`false` for conditions) and restarts the warm-up, exactly as the batch kernel restarts its window
/// or seed after a NaN. The helpers that define their own NaN handling (`CrossesAboveStream`,
/// `RisingStream`, `BarsSinceStream`, `NZStream`, the elementwise math, …) follow their batch forms.
///
/// Streams are values: buffers are allocated once, in `init`, and `update` and `reset` never allocate;
/// a copy shares them until one side next writes, which then copies once (copy-on-write), so a copied
/// stream — a snapshot of an indicator's state, say — evolves independently.
public protocol StreamingKernel: Sendable {
    /// Bars of an unbroken run before the first valid output: the batch kernel's `lookback`, so the
    /// engine can size the history it replays to warm a stream up.
    var lookback: Int { get }

    /// Forgets every bar seen, keeping the buffers: the stream behaves as if newly made.
    mutating func reset()
}
