import SextantIndicators
import Testing

/// Through the table: every wired builtin's stream gives its batch kernel's bit pattern on every bar,
/// on GOOG and the seeded random OHLCV sets with NaN runs (`StreamingInputs.all`), at its default
/// settings and at one other setting.
@Suite("Builtin kernels: stream == batch")
struct BuiltinKernelTwinTests {
    @Test(
        "stream == batch, bit for bit, at the defaults and another setting", arguments: BuiltinKernelCoverageTests.wired
    )
    func bitIdentical(_ name: String) throws {
        let builtin = try #require(BuiltinTable.lookup(name))
        let kernel = try #require(builtin.kernel)
        for settings in [KernelHarness.settings(builtin), KernelHarness.otherSettings(builtin)] {
            for data in StreamingInputs.all {
                let inputs = KernelHarness.inputs(builtin, data)
                let batched = KernelHarness.batch(kernel, inputs, settings, count: data.count)
                let streamed = KernelHarness.stream(kernel, inputs, settings, count: data.count)
                for column in 0..<kernel.outputCount {
                    let mismatch = zip(streamed[column], batched[column]).enumerated().first {
                        !StreamingDriver.same($1.0, $1.1)
                    }
                    #expect(
                        mismatch == nil,
                        """
                        \(name)\(settings) on \(data.name), output \(column): bar \(mismatch?.offset ?? -1) streams \
                        \(mismatch?.element.0 ?? 0) but the batch kernel gives \(mismatch?.element.1 ?? 0)
                        """)
                }
                let unwritten = batched.joined().contains { $0.bitPattern == KernelHarness.unwritten.bitPattern }
                #expect(!unwritten, "\(name)\(settings) on \(data.name) leaves an output unwritten")
            }
        }
    }
}
