import Foundation
import SextantIndicators
import Testing

/// Every batch kernel has a streaming twin, and every twin is checked: the kernels are read from the
/// source tree (every top-level `public enum` under `Kernels/`), so a new kernel without a twin, or a
/// twin without a property case, fails here instead of being forgotten silently.
@Suite("Streaming coverage")
struct StreamingCoverageTests {
    /// The registry: each batch kernel and its streaming twin(s).
    static let twins: [(kernel: Any.Type, streams: [any StreamingKernel.Type])] = [
        (SMA.self, [SMAStream.self]), (EMA.self, [EMAStream.self]), (WMA.self, [WMAStream.self]),
        (DEMA.self, [DEMAStream.self]), (TEMA.self, [TEMAStream.self]), (TRIMA.self, [TRIMAStream.self]),
        (KAMA.self, [KAMAStream.self]), (T3.self, [T3Stream.self]), (HTTrendline.self, [HTTrendlineStream.self]),
        (MidPoint.self, [MidPointStream.self]), (MidPrice.self, [MidPriceStream.self]),
        (RSI.self, [RSIStream.self]), (CMO.self, [CMOStream.self]), (MACD.self, [MACDStream.self]),
        (APO.self, [APOStream.self]), (PPO.self, [PPOStream.self]), (MOM.self, [MOMStream.self]),
        (ROC.self, [ROCStream.self]), (BOP.self, [BOPStream.self]), (CCI.self, [CCIStream.self]),
        (Stoch.self, [StochStream.self]), (StochF.self, [StochFStream.self]), (StochRSI.self, [StochRSIStream.self]),
        (UltOsc.self, [UltOscStream.self]), (WillR.self, [WillRStream.self]),
        (ATR.self, [ATRStream.self]), (NATR.self, [NATRStream.self]), (TRange.self, [TRangeStream.self]),
        (BBands.self, [BBandsStream.self]), (StdDev.self, [StdDevStream.self]), (Variance.self, [VarianceStream.self]),
        (OBV.self, [OBVStream.self]), (AD.self, [ADStream.self]), (ADOSC.self, [ADOSCStream.self]),
        (MFI.self, [MFIStream.self]),
        (ADX.self, [ADXStream.self]), (ADXR.self, [ADXRStream.self]), (PlusDI.self, [PlusDIStream.self]),
        (MinusDI.self, [MinusDIStream.self]), (Aroon.self, [AroonStream.self]), (AroonOsc.self, [AroonOscStream.self]),
        (SAR.self, [SARStream.self]),
        (LinearReg.self, [LinearRegStream.self]), (LinearRegSlope.self, [LinearRegSlopeStream.self]),
        (TSF.self, [TSFStream.self]), (Correl.self, [CorrelStream.self]), (Beta.self, [BetaStream.self]),
        (Highest.self, [HighestStream.self]), (Lowest.self, [LowestStream.self]), (Sum.self, [SumStream.self]),
        (Change.self, [ChangeStream.self]), (CrossesAbove.self, [CrossesAboveStream.self]),
        (CrossesBelow.self, [CrossesBelowStream.self]), (Rising.self, [RisingStream.self]),
        (Falling.self, [FallingStream.self]), (BarsSince.self, [BarsSinceStream.self]),
        (ValueWhen.self, [ValueWhenStream.self]), (NZ.self, [NZStream.self]),
        (Elementwise.self, [ElementwiseStream.self, ElementwisePairStream.self, ElementwiseClampStream.self]),
    ]

    /// `Sources/SextantIndicators/<folder>`, found from this file's place in the repository.
    static func sources(_ folder: String) -> URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Sources/SextantIndicators/\(folder)")
    }

    /// The names declared by lines starting with `prefix` (`public enum `, `public struct `) in the
    /// Swift files under `folder`.
    static func declaredNames(under folder: String, prefix: String) throws -> Set<String> {
        let root = sources(folder)
        let files = try #require(FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil))
        var names: Set<String> = []
        for case let file as URL in files where file.pathExtension == "swift" {
            for line in try String(contentsOf: file, encoding: .utf8).split(separator: "\n")
            where line.hasPrefix(prefix) {
                names.insert(String(line.dropFirst(prefix.count).prefix { $0.isLetter || $0.isNumber || $0 == "_" }))
            }
        }
        return names
    }

    @Test("every batch kernel in Kernels/ has a twin in the registry, and no registry entry is stale")
    func everyKernelHasATwin() throws {
        let kernels = try Self.declaredNames(under: "Kernels", prefix: "public enum ")
        #expect(kernels.count >= 59, "the source scan found too few kernels: \(kernels.sorted())")
        let registered = Set(Self.twins.map { String(describing: $0.kernel) })
        #expect(Self.twins.count == registered.count, "a kernel is registered twice")
        #expect(kernels.subtracting(registered).isEmpty, "kernels without a streaming twin")
        #expect(registered.subtracting(kernels).isEmpty, "registered kernels not found in Kernels/")
    }

    @Test("every public stream in Streaming/ is some kernel's twin")
    func everyStreamIsATwin() throws {
        let streams = try Self.declaredNames(under: "Streaming", prefix: "public struct ")
            // The statistics twins have their own registry in StatisticsStreamTests.
            .subtracting(Self.declaredNames(under: "Streaming/Statistics", prefix: "public struct "))
        let registered = Set(Self.twins.flatMap { $0.streams.map { String(describing: $0) } })
        #expect(streams == registered)
    }

    @Test("every kernel has bit-identity cases, at two or more settings where it takes any")
    func everyKernelIsTested() {
        var settings: [String: Set<String>] = [:]
        for testCase in StreamingTwinTests.cases { settings[testCase.kernel, default: []].insert(testCase.setting) }
        for (kernel, _) in Self.twins {
            let name = String(describing: kernel)
            let count = settings[name]?.count ?? 0
            #expect(count >= 1, "\(name) has no bit-identity case")
            let fixed = ["HTTrendline", "BOP", "TRange", "OBV", "AD", "BarsSince"]
            #expect(fixed.contains(name) || count >= 2, "\(name) is checked at one setting only")
        }
    }
}
