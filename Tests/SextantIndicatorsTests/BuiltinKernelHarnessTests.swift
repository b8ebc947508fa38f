import SextantCore
import SextantIndicators
import Testing

/// Runs builtins through the table's uniform kernel interface, the way the graph evaluators will:
/// whole columns through `batch`, or bar by bar through `makeStream`.
enum KernelHarness {
    /// The value given to a `length` parameter without a default (`sma`, `stddev`, `highest`, …).
    static let requiredLength = 14.0

    /// Longer required lengths for statistics that need more data per window: Hurst's rescaled range
    /// needs at least 17 values, and cointegration's lag search leaves no degrees of freedom at 14.
    static let requiredLengths: [String: Double] = ["hurst": 40, "coint_pvalue": 60]

    /// The required length used for `builtin`.
    static func requiredLength(for builtin: Builtin) -> Double { requiredLengths[builtin.name] ?? requiredLength }

    /// The "other" value of each setting for the second run of every builtin; a setting missing here
    /// fails the tests that use it, so a new one gets a deliberate choice.
    static let otherSettings: [String: Double] = [
        "vfactor": 0.5, "mult": 1.5, "acceleration": 0.05, "maximum": 0.5, "digits": 2, "periods": 52,
        "threshold": 0.001, "confidence": 0.99,
    ]

    /// The settings of `builtin`, in parameter order: each default (or `requiredLength`), then
    /// `overrides` by name.
    static func settings(_ builtin: Builtin, _ overrides: [String: Double] = [:]) -> [Double] {
        builtin.settingParameters.map { overrides[$0.name] ?? $0.defaultValue ?? requiredLength(for: builtin) }
    }

    /// A second set of settings: lengths about halved (at least 2, so 1 becomes 2, and at least the
    /// length's minimum), counts 2, and the settings of `otherSettings`. Halving keeps fast < slow
    /// wherever the defaults have it.
    static func otherSettings(_ builtin: Builtin) -> [Double] {
        builtin.settingParameters.map { parameter in
            let value = parameter.defaultValue ?? requiredLength(for: builtin)
            switch parameter.role {
            case .length: return Swift.max(2, Double(parameter.minimum ?? 1), (value / 2).rounded(.down))
            case .count: return 2
            default:
                guard let other = otherSettings[parameter.name] else {
                    Issue.record("no other value for setting `\(parameter.name)` of `\(builtin.name)`")
                    return value
                }
                return other
            }
        }
    }

    /// The input columns of `builtin` on `data`: the column arguments in order — a condition is
    /// `data.condition` as 1/0 (NaN where close is NaN, 2 now and then: both read as false), the n-th
    /// number argument is close, open, high — then the bar fields it reads.
    static func inputs(_ builtin: Builtin, _ data: StreamingInputs) -> [[Double]] {
        let numbers = [data.close, data.open, data.high]
        var next = 0
        var columns: [[Double]] = builtin.columnParameters.map { parameter in
            if parameter.role == .condition { return condition(data) }
            defer { next += 1 }
            return numbers[next % numbers.count]
        }
        columns += builtin.reads.map { field(field: $0, data) }
        return columns
    }

    /// A bar field of `data`.
    static func field(field: BarField, _ data: StreamingInputs) -> [Double] {
        switch field {
        case .open: data.open
        case .high: data.high
        case .low: data.low
        case .close: data.close
        case .volume: data.volume
        }
    }

    /// `data.condition` in the column convention, with values that must read as false mixed in.
    static func condition(_ data: StreamingInputs) -> [Double] {
        data.condition.indices.map { index in
            if data.close[index].isNaN { return .nan }
            if index % 37 == 0 { return 2 }
            return data.condition[index] ? 1 : 0
        }
    }

    /// What the batch outputs hold before the kernel runs: a NaN no kernel writes, so a bar left
    /// unwritten is visible.
    static let unwritten = Double(nan: 0x5E_C7A7, signaling: false)

    /// The kernel's output columns over whole input columns.
    static func batch(_ kernel: BuiltinKernel, _ inputs: [[Double]], _ settings: [Double], count: Int) -> [[Double]] {
        // Owned buffers, so that every column can be handed out at once (nested `withUnsafe…` calls on
        // one array of arrays would overlap their accesses).
        let inputBuffers = inputs.map { column in
            let buffer = UnsafeMutableBufferPointer<Double>.allocate(capacity: count)
            _ = buffer.initialize(from: column)
            return buffer
        }
        let outputBuffers = (0..<kernel.outputCount).map { _ in
            let buffer = UnsafeMutableBufferPointer<Double>.allocate(capacity: count)
            buffer.initialize(repeating: unwritten)
            return buffer
        }
        defer {
            for buffer in inputBuffers + outputBuffers { buffer.deallocate() }
        }
        kernel.batch(inputBuffers.map { UnsafeBufferPointer($0) }, settings, outputBuffers)
        return outputBuffers.map(Array.init)
    }

    /// The kernel's output columns, bar by bar through a stream. Halfway through, a copy of the stream
    /// is advanced through unrelated bars (the original must not notice); at the end the stream is reset
    /// and the first bars are fed again, which must give the same outputs.
    static func stream(_ kernel: BuiltinKernel, _ inputs: [[Double]], _ settings: [Double], count: Int) -> [[Double]] {
        var stream = kernel.makeStream(settings)
        var outputs = [[Double]](repeating: [], count: kernel.outputCount)
        var bar = [Double](repeating: 0, count: inputs.count)
        var out = [Double](repeating: 0, count: kernel.outputCount)
        func step(_ stream: inout any BuiltinStream, _ index: Int) {
            for column in inputs.indices { bar[column] = inputs[column][index] }
            bar.withUnsafeBufferPointer { bar in
                out.withUnsafeMutableBufferPointer { stream.update(bar, into: $0) }
            }
        }
        for index in 0..<count {
            if index == count / 2 {
                var fork = stream
                for other in 0..<Swift.min(count, 70) { step(&fork, other) }
            }
            step(&stream, index)
            for column in outputs.indices { outputs[column].append(out[column]) }
        }
        stream.reset()
        for index in 0..<Swift.min(count, 300) {
            step(&stream, index)
            for column in outputs.indices where !StreamingDriver.same(out[column], outputs[column][index]) {
                Issue.record(
                    "after reset(), bar \(index) column \(column): \(out[column]) vs \(outputs[column][index])")
                return outputs
            }
        }
        return outputs
    }
}

/// The column convention and the interface's checks, on small hand-made columns.
@Suite("Builtin kernels: column convention")
struct BuiltinKernelHarnessTests {
    static func kernel(_ name: String) throws -> BuiltinKernel {
        try #require(BuiltinTable.lookup(name)?.kernel, "`\(name)` has no kernel")
    }

    @Test("a condition input is true only where it is 1; NaN, 0 and other numbers are false")
    func conditionInputs() throws {
        let kernel = try Self.kernel("barssince")
        let condition = [.nan, 0, 2, 1, 0.5, -1, 1, .nan]
        let expected = [.nan, .nan, .nan, 0, 1, 2, 0, 1]
        for actual in [
            KernelHarness.batch(kernel, [condition], [], count: condition.count),
            KernelHarness.stream(kernel, [condition], [], count: condition.count),
        ] {
            #expect(zip(actual[0], expected).allSatisfy(StreamingDriver.same), "\(actual[0])")
        }
    }

    @Test("a condition output is a column of 1 and 0", arguments: ["crosses_above", "crosses_below", "rising"])
    func conditionOutputs(_ name: String) throws {
        let builtin = try #require(BuiltinTable.lookup(name))
        let kernel = try Self.kernel(name)
        let data = StreamingInputs.random(seed: 9)
        let inputs = KernelHarness.inputs(builtin, data)
        let settings = KernelHarness.settings(builtin)
        for column in [
            KernelHarness.batch(kernel, inputs, settings, count: data.count)[0],
            KernelHarness.stream(kernel, inputs, settings, count: data.count)[0],
        ] {
            #expect(column.allSatisfy { $0 == 0 || $0 == 1 })
            #expect(column.contains(1) && column.contains(0))
        }
    }

    @Test("a number argument as a constant column gives the kernels' number forms")
    func constantColumns() throws {
        let close = StreamingInputs.random(seed: 7).close
        let count = close.count
        let zero = [Double](repeating: 0, count: count)
        let level = [Double](repeating: 100, count: count)
        let nz = KernelHarness.batch(try Self.kernel("nz"), [close, zero], [], count: count)[0]
        #expect(zip(nz, NZ.nz(close, replacement: 0)).allSatisfy(StreamingDriver.same))
        let minimum = KernelHarness.batch(try Self.kernel("min"), [close, level], [], count: count)[0]
        #expect(zip(minimum, close.map { Elementwise.min($0, 100) }).allSatisfy(StreamingDriver.same))
        let clamped = KernelHarness.stream(try Self.kernel("clamp"), [close, zero, level], [], count: count)[0]
        #expect(zip(clamped, close.map { Elementwise.clamp($0, low: 0, high: 100) }).allSatisfy(StreamingDriver.same))
    }

    @Test("settings arrive in parameter order; a fractional round digit rounds to the nearest")
    func settingsOrder() throws {
        let close = ReferenceData.shared.close
        let count = close.count
        let macd = KernelHarness.batch(try Self.kernel("macd"), [close], [5, 35, 4], count: count)
        let direct = MACD.macd(close, fastLength: 5, slowLength: 35, signalLength: 4)
        #expect(sameColumns(macd, direct))
        let rounded = KernelHarness.batch(try Self.kernel("round"), [close], [1.6], count: count)[0]
        #expect(zip(rounded, close.map { Elementwise.round($0, digits: 2) }).allSatisfy(StreamingDriver.same))
    }

    private func sameColumns(_ columns: [[Double]], _ macd: (macd: [Double], signal: [Double], hist: [Double])) -> Bool
    {
        zip(columns, [macd.macd, macd.signal, macd.hist]).allSatisfy { zip($0, $1).allSatisfy(StreamingDriver.same) }
    }
}
