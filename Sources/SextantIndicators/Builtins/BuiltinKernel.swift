/// A builtin's batch and streaming kernels behind one uniform interface, which the graph evaluators
/// call without knowing which indicator they run.
///
/// **Column convention.** Every column is `Double`. A `series<bool>` column holds 1 (true) and 0
/// (false): kernels that produce `Bool` are adapted to 1/0, and a `condition` input is read as
/// `value == 1`, so NaN and 0 are both false.
///
/// **Inputs** are the series, condition and value arguments in parameter order, followed by the bar
/// columns the entry reads implicitly, in its `reads` order (`atr` takes high, low, close). A `value`
/// argument (elementwise math, `nz`) is always a column: the evaluator passes a scalar as a constant
/// column, so one kernel serves both shapes. **Settings** are the length, count and setting arguments
/// in parameter order, as `Double`s; the checker guarantees that lengths and counts are whole numbers.
/// **Outputs** are one column, or one per field of a record result in the table's field order.
///
/// ```swift
/// guard let kernel = BuiltinTable.lookup("macd")?.kernel else { return }  // 1 input, 3 settings, 3 outputs
/// kernel.batch([close], [12, 26, 9], [line, signal, hist])  // buffers of one length
/// var stream = kernel.makeStream([12, 26, 9])
/// ```
public struct BuiltinKernel: Sendable {
    /// Fills whole output columns from whole input columns; every column has the same length.
    public typealias Batch =
        @Sendable (
            _ inputs: [UnsafeBufferPointer<Double>], _ settings: [Double],
            _ outputs: [UnsafeMutableBufferPointer<Double>]
        ) -> Void

    /// Makes a fresh stream for the given settings.
    public typealias StreamFactory = @Sendable (_ settings: [Double]) -> any BuiltinStream

    /// How many input columns the kernel takes (column arguments, then the bar fields it reads).
    public let inputCount: Int
    /// How many settings it takes (length, count and setting arguments).
    public let settingCount: Int
    /// How many output columns it writes: 1, or the record's field count.
    public let outputCount: Int
    /// Runs the batch kernel over whole columns. Traps if the counts or column lengths do not match.
    public let batch: Batch
    /// Makes the streaming twin for the given settings. Traps if the setting count does not match.
    public let makeStream: StreamFactory

    /// A kernel of the given shape; `batch` and `stream` may index their arguments freely, because the
    /// stored closures check the counts (and the column lengths) before calling them.
    public init(
        inputs inputCount: Int, settings settingCount: Int, outputs outputCount: Int = 1,
        batch: @escaping Batch, stream: @escaping StreamFactory
    ) {
        self.inputCount = inputCount
        self.settingCount = settingCount
        self.outputCount = outputCount
        self.batch = { inputs, settings, outputs in
            precondition(inputs.count == inputCount, "expected \(inputCount) input column(s), got \(inputs.count)")
            precondition(settings.count == settingCount, "expected \(settingCount) setting(s), got \(settings.count)")
            precondition(outputs.count == outputCount, "expected \(outputCount) output column(s), got \(outputs.count)")
            // Kernels check their own buffers too, but not every one checks every buffer it is given.
            let length = outputs.first?.count ?? 0
            precondition(
                inputs.allSatisfy { $0.count == length } && outputs.allSatisfy { $0.count == length },
                "every input and output column must have one length")
            batch(inputs, settings, outputs)
        }
        self.makeStream = { settings in
            precondition(settingCount == settings.count, "expected \(settingCount) setting(s), got \(settings.count)")
            return stream(settings)
        }
    }

    /// A length, count or digit setting as an `Int`: rounded to the nearest whole number, NaN as 0 and
    /// anything beyond ±10⁹ clamped, so that a conversion never traps. Kernels give NaN for lengths < 1.
    static func whole(_ setting: Double) -> Int {
        guard !setting.isNaN else { return 0 }
        return Int(Swift.min(Swift.max(setting, -1e9), 1e9).rounded())
    }
}
