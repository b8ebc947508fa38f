import SextantCore

// Builders of kernels by input shape: each derives the input and output counts from the typed stream,
// so a definition only states its settings, its batch call and its stream.
extension BuiltinKernel {
    /// Makes the typed stream for the given settings.
    typealias TypedStream<Stream> = @Sendable (_ settings: [Double]) -> Stream

    /// A kernel over one series (or value) column.
    static func series<Stream: SeriesStream>(
        settings: Int, batch: @escaping Batch, stream: @escaping TypedStream<Stream>
    ) -> BuiltinKernel where Stream.Output: BuiltinStreamOutput {
        BuiltinKernel(inputs: 1, settings: settings, outputs: Stream.Output.columnCount, batch: batch) {
            SeriesStreamAdapter(base: stream($0))
        }
    }

    /// A kernel over two series (or value) columns.
    static func pair<Stream: PairStream>(
        settings: Int, batch: @escaping Batch, stream: @escaping TypedStream<Stream>
    ) -> BuiltinKernel where Stream.Output: BuiltinStreamOutput {
        BuiltinKernel(inputs: 2, settings: settings, outputs: Stream.Output.columnCount, batch: batch) {
            PairStreamAdapter(base: stream($0))
        }
    }

    /// A kernel over three series (or value) columns.
    static func triple<Stream: TripleStream>(
        settings: Int, batch: @escaping Batch, stream: @escaping TypedStream<Stream>
    ) -> BuiltinKernel where Stream.Output: BuiltinStreamOutput {
        BuiltinKernel(inputs: 3, settings: settings, outputs: Stream.Output.columnCount, batch: batch) {
            TripleStreamAdapter(base: stream($0))
        }
    }

    /// A kernel over the bar fields `reads`, which are its inputs in that order (the table entry's
    /// `reads`; the TA-Lib reference test catches a different order, as every such builtin has a column).
    static func bars<Stream: BarStream>(
        _ reads: [BarField], settings: Int, batch: @escaping Batch, stream: @escaping TypedStream<Stream>
    ) -> BuiltinKernel where Stream.Output: BuiltinStreamOutput {
        BuiltinKernel(inputs: reads.count, settings: settings, outputs: Stream.Output.columnCount, batch: batch) {
            BarStreamAdapter(stream($0), reads: reads)
        }
    }

    /// A kernel over one condition column.
    static func condition<Stream: ConditionStream>(
        settings: Int, batch: @escaping Batch, stream: @escaping TypedStream<Stream>
    ) -> BuiltinKernel where Stream.Output: BuiltinStreamOutput {
        BuiltinKernel(inputs: 1, settings: settings, outputs: Stream.Output.columnCount, batch: batch) {
            ConditionStreamAdapter(base: stream($0))
        }
    }

    /// A kernel over a condition column and the series column it samples.
    static func conditional<Stream: ConditionalStream>(
        settings: Int, batch: @escaping Batch, stream: @escaping TypedStream<Stream>
    ) -> BuiltinKernel where Stream.Output: BuiltinStreamOutput {
        BuiltinKernel(inputs: 2, settings: settings, outputs: Stream.Output.columnCount, batch: batch) {
            ConditionalStreamAdapter(base: stream($0))
        }
    }

    /// The commonest shape: one series and one length give one number column (`sma(source, length)`).
    static func windowed<Stream: SeriesStream>(
        _ kernel: @escaping @Sendable (UnsafeBufferPointer<Double>, Int, UnsafeMutableBufferPointer<Double>) -> Void,
        _ stream: @escaping @Sendable (Int) -> Stream
    ) -> BuiltinKernel where Stream.Output == Double {
        series(settings: 1) { inputs, settings, outputs in
            kernel(inputs[0], whole(settings[0]), outputs[0])
        } stream: { settings in
            stream(whole(settings[0]))
        }
    }

    // MARK: Conditions as columns

    /// Lets `body` fill a scratch column of `Bool`s and writes it into `output` as 1 (true) or 0.
    static func writingConditions(
        into output: UnsafeMutableBufferPointer<Double>, _ body: (UnsafeMutableBufferPointer<Bool>) -> Void
    ) {
        // One scratch allocation per batch call; the kernels' Bool form is what the streams twin.
        var scratch = [Bool](repeating: false, count: output.count)
        scratch.withUnsafeMutableBufferPointer { body($0) }
        for index in 0..<output.count { output[index] = scratch[index] ? 1 : 0 }
    }

    /// Reads `column` as conditions (true where a value is 1; NaN and 0 are false) for `body`.
    static func readingConditions(
        _ column: UnsafeBufferPointer<Double>, _ body: (UnsafeBufferPointer<Bool>) -> Void
    ) {
        let conditions = column.map { $0 == 1 }
        conditions.withUnsafeBufferPointer { body($0) }
    }
}
