/// Rolling augmented Dickey–Fuller test, one bar at a time: the streaming twin of `ADF`, giving its
/// statistic (`adf_stat`) or its MacKinnon p-value (`adf_pvalue`).
///
/// State: the window in a `StreamWindow` and the batch kernel's test engine, allocated in `init`. The
/// batch kernel reruns the regression (with its lag search) on every window, so the stream runs the
/// same engine on the same values and maps the statistic to a p-value by the same call: O(length²)
/// per bar, as the batch.
public struct ADFStream: SeriesStream {
    /// Which result of the test a stream gives.
    public enum Field: Sendable {
        /// The ADF t-statistic.
        case statistic
        /// Its MacKinnon approximate p-value.
        case pValue
    }

    /// The window length.
    public let length: Int
    /// The result given.
    public let field: Field
    private var window: StreamWindow
    private var engine: ADFEngineBox

    /// The `length`-bar ADF `field`; `length` below `ADF.minimumLength` gives NaN on every bar.
    public init(length: Int, field: Field) {
        self.length = length
        self.field = field
        window = StreamWindow(capacity: length)
        engine = ADFEngineBox(capacity: length)
    }

    /// `ADF.lookback(length:)`.
    public var lookback: Int { ADF.lookback(length: length) }

    /// The test result of the window ending at this bar; NaN during the warm-up, on NaN input and where
    /// the test is undefined (a flat window).
    public mutating func update(_ value: Double) -> Double {
        guard !value.isNaN else {
            reset()
            return .nan
        }
        guard length >= ADF.minimumLength else { return .nan }
        window.push(value)
        guard window.isFull else { return .nan }
        // A copy of the stream shares the engine until one side runs it: that side takes its own.
        if !isKnownUniquelyReferenced(&engine) { engine = ADFEngineBox(capacity: length) }
        let (count, box) = (length, engine)
        let outcome = window.withWindow { box.engine.test($0, count: count, deterministic: .constant) }
        guard let outcome else { return .nan }
        switch field {
        case .statistic: return outcome.statistic
        case .pValue: return MacKinnon.pValue(outcome.statistic, regression: .constant, series: 1)
        }
    }

    /// Forgets every bar seen (the engine keeps no state between windows).
    public mutating func reset() { window.reset() }
}

/// The ADF engine (non-copyable scratch) in a reference, so a stream stays a copyable value.
///
/// `@unchecked Sendable`: the engine is only run through a stream that holds the sole reference (the
/// stream replaces a shared box before use), so no two threads ever touch one box.
final class ADFEngineBox: @unchecked Sendable {
    var engine: AugmentedDickeyFuller

    init(capacity: Int) { engine = AugmentedDickeyFuller(capacity: capacity) }
}
