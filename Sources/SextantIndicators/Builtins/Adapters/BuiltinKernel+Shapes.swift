import SextantCore

// Builders of kernels by input shape: each derives the input and output counts from the typed stream,
// so a definition only states its settings, its batch call and its stream; each writes its stream's
// update here, where the stream's type is known, so that it is compiled for that type (`StreamAdapter`).
extension BuiltinKernel {
    /// Makes the typed stream for the given settings.
    typealias TypedStream<Stream> = @Sendable (_ settings: [Double]) -> Stream

    /// A kernel over one series (or value) column.
    static func series<Stream: SeriesStream>(
        settings: Int, batch: @escaping Batch, stream: @escaping TypedStream<Stream>
    ) -> BuiltinKernel where Stream.Output: BuiltinStreamOutput {
        let outputs = Stream.Output.columnCount
        return BuiltinKernel(inputs: 1, settings: settings, outputs: outputs, batch: batch) {
            StreamAdapter(stream($0), inputs: 1, outputs: outputs) { base, inputs, outputs in
                base.update(inputs[0]).write(into: outputs)
            }
        }
    }

    /// A kernel over two series (or value) columns.
    static func pair<Stream: PairStream>(
        settings: Int, batch: @escaping Batch, stream: @escaping TypedStream<Stream>
    ) -> BuiltinKernel where Stream.Output: BuiltinStreamOutput {
        let outputs = Stream.Output.columnCount
        return BuiltinKernel(inputs: 2, settings: settings, outputs: outputs, batch: batch) {
            StreamAdapter(stream($0), inputs: 2, outputs: outputs) { base, inputs, outputs in
                base.update(inputs[0], inputs[1]).write(into: outputs)
            }
        }
    }

    /// A kernel over three series (or value) columns.
    static func triple<Stream: TripleStream>(
        settings: Int, batch: @escaping Batch, stream: @escaping TypedStream<Stream>
    ) -> BuiltinKernel where Stream.Output: BuiltinStreamOutput {
        let outputs = Stream.Output.columnCount
        return BuiltinKernel(inputs: 3, settings: settings, outputs: outputs, batch: batch) {
            StreamAdapter(stream($0), inputs: 3, outputs: outputs) { base, inputs, outputs in
                base.update(inputs[0], inputs[1], inputs[2]).write(into: outputs)
            }
        }
    }

    /// A kernel over the bar fields `reads`, which are its inputs in that order (the table entry's
    /// `reads`; the TA-Lib reference test catches a different order, as every such builtin has a column).
    static func bars<Stream: BarStream>(
        _ reads: [BarField], settings: Int, batch: @escaping Batch, stream: @escaping TypedStream<Stream>
    ) -> BuiltinKernel where Stream.Output: BuiltinStreamOutput {
        // Where each field sits among the inputs; −1 when the builtin does not read it. A field it does
        // not read is passed as NaN: a `BarStream` reads (and applies the NaN policy to) only the fields
        // its batch kernel takes, so the value never matters.
        func position(_ field: BarField) -> Int { reads.firstIndex(of: field) ?? -1 }
        let (open, high, low, close, volume) = (
            position(.open), position(.high), position(.low), position(.close), position(.volume)
        )
        let outputs = Stream.Output.columnCount
        return BuiltinKernel(inputs: reads.count, settings: settings, outputs: outputs, batch: batch) {
            StreamAdapter(stream($0), inputs: reads.count, outputs: outputs) { base, inputs, outputs in
                func field(_ position: Int) -> Double { position < 0 ? .nan : inputs[position] }
                base.update(
                    open: field(open), high: field(high), low: field(low), close: field(close), volume: field(volume)
                ).write(into: outputs)
            }
        }
    }

    /// A kernel over one condition column.
    static func condition<Stream: ConditionStream>(
        settings: Int, batch: @escaping Batch, stream: @escaping TypedStream<Stream>
    ) -> BuiltinKernel where Stream.Output: BuiltinStreamOutput {
        let outputs = Stream.Output.columnCount
        return BuiltinKernel(inputs: 1, settings: settings, outputs: outputs, batch: batch) {
            StreamAdapter(stream($0), inputs: 1, outputs: outputs) { base, inputs, outputs in
                base.update(inputs[0] == 1).write(into: outputs)
            }
        }
    }

    /// A kernel over a condition column and the series column it samples.
    static func conditional<Stream: ConditionalStream>(
        settings: Int, batch: @escaping Batch, stream: @escaping TypedStream<Stream>
    ) -> BuiltinKernel where Stream.Output: BuiltinStreamOutput {
        let outputs = Stream.Output.columnCount
        return BuiltinKernel(inputs: 2, settings: settings, outputs: outputs, batch: batch) {
            StreamAdapter(stream($0), inputs: 2, outputs: outputs) { base, inputs, outputs in
                base.update(when: inputs[0] == 1, inputs[1]).write(into: outputs)
            }
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
