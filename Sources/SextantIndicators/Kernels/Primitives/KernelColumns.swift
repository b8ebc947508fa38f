/// Glue between the public kernel entry points and their run cores: buffer checks and the
/// `[Double]` convenience forms.
enum KernelColumns {
    /// Makes a column of `count` values by letting `body` write every element.
    @inline(__always)
    static func make(count: Int, _ body: (UnsafeMutableBufferPointer<Double>) -> Void) -> [Double] {
        [Double](unsafeUninitializedCapacity: count) { buffer, initialized in
            // Doubles are trivial: every element is written by `body` before it is read.
            buffer.initialize(repeating: .nan)
            body(buffer)
            initialized = count
        }
    }

    /// Makes two columns of `count` values by letting `body` write every element of both.
    static func make2(
        count: Int, _ body: (UnsafeMutableBufferPointer<Double>, UnsafeMutableBufferPointer<Double>) -> Void
    ) -> ([Double], [Double]) {
        var second: [Double] = []
        let first = make(count: count) { firstBuffer in
            second = make(count: count) { secondBuffer in body(firstBuffer, secondBuffer) }
        }
        return (first, second)
    }

    /// Makes three columns of `count` values by letting `body` write every element of each.
    static func make3(
        count: Int,
        _ body: (
            UnsafeMutableBufferPointer<Double>, UnsafeMutableBufferPointer<Double>,
            UnsafeMutableBufferPointer<Double>
        ) -> Void
    ) -> ([Double], [Double], [Double]) {
        var third: [Double] = []
        let (first, second) = make2(count: count) { firstBuffer, secondBuffer in
            third = make(count: count) { thirdBuffer in body(firstBuffer, secondBuffer, thirdBuffer) }
        }
        return (first, second, third)
    }

    /// Runs `core` over the NaN-free runs of `inputs`, after checking that every buffer has the same
    /// length. Does nothing for empty buffers.
    @inline(__always)
    static func run(
        _ inputs: [UnsafeBufferPointer<Double>], _ outputs: [UnsafeMutableBufferPointer<Double>],
        _ core: (_ inputs: [UnsafePointer<Double>], _ outputs: [UnsafeMutablePointer<Double>], Range<Int>) -> Void
    ) {
        let count = outputs.first?.count ?? 0
        for input in inputs { precondition(input.count == count, "kernel inputs and outputs must have one length") }
        for output in outputs { precondition(output.count == count, "kernel outputs must have one length") }
        guard count > 0 else { return }
        var inputBases: [UnsafePointer<Double>] = []
        inputBases.reserveCapacity(inputs.count)
        for input in inputs {
            guard let base = input.baseAddress else { return }
            inputBases.append(base)
        }
        var outputBases: [UnsafeMutablePointer<Double>] = []
        outputBases.reserveCapacity(outputs.count)
        for output in outputs {
            guard let base = output.baseAddress else { return }
            outputBases.append(base)
        }
        ValidRuns.forEach(inputBases, count: count, outputs: outputBases) { range in
            core(inputBases, outputBases, range)
        }
    }

    /// Like `run`, but skips the NaN scan of the inputs on the common path: `core` runs once over
    /// everything from the first bar where all inputs are numbers and reports whether it met a NaN
    /// (cores detect that for free from their own state or from a flag folded into a pass they make
    /// anyway). Only when it did are the runs found and computed one by one, exactly as `run` does. The
    /// scan is a full extra pass over every input — about 0.35 ns per bar and input at a million bars,
    /// a third of the budget of the cheapest kernels.
    @inline(__always)
    static func runOptimistic(
        _ inputs: [UnsafeBufferPointer<Double>], _ outputs: [UnsafeMutableBufferPointer<Double>],
        _ core: (_ inputs: [UnsafePointer<Double>], _ outputs: [UnsafeMutablePointer<Double>], Range<Int>) -> Bool
    ) {
        let count = outputs.first?.count ?? 0
        for input in inputs { precondition(input.count == count, "kernel inputs and outputs must have one length") }
        for output in outputs { precondition(output.count == count, "kernel outputs must have one length") }
        guard count > 0 else { return }
        var inputBases: [UnsafePointer<Double>] = []
        for input in inputs {
            guard let base = input.baseAddress else { return }
            inputBases.append(base)
        }
        var outputBases: [UnsafeMutablePointer<Double>] = []
        for output in outputs {
            guard let base = output.baseAddress else { return }
            outputBases.append(base)
        }
        let start = ValidRuns.firstAllNumbers(inputBases, from: 0, to: count)
        for output in outputBases { ValidRuns.fillNaN(output, runStart: 0, runEnd: start) }
        if start >= count || core(inputBases, outputBases, start..<count) { return }
        ValidRuns.forEach(inputBases, count: count, outputs: outputBases) { range in
            _ = core(inputBases, outputBases, range)
        }
    }
}
