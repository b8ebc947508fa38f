import Testing

/// SplitMix64 (Steele, Lea & Flood 2014): a tiny deterministic generator for the streaming property
/// tests, so every run sees the same "random" series.
struct SplitMix64: RandomNumberGenerator, Sendable {
    private var state: UInt64

    /// A generator starting from `seed`.
    init(seed: UInt64) { state = seed }

    /// The next 64 random bits.
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A double in [0, 1) from the top 53 bits (independent of the standard library's conversion).
    mutating func unit() -> Double { Double(next() >> 11) * 0x1p-53 }
}

/// The columns one streaming property run feeds: OHLCV, a condition, and a name for messages.
struct StreamingInputs: Sendable, CustomTestStringConvertible {
    let name: String
    var open: [Double]
    var high: [Double]
    var low: [Double]
    var close: [Double]
    var volume: [Double]
    var condition: [Bool]
    var testDescription: String { name }
    var count: Int { close.count }

    /// GOOG as shipped in `Reference/`, with `close > open` as the condition.
    static func goog() -> StreamingInputs {
        let data = ReferenceData.shared
        return StreamingInputs(
            name: "GOOG", open: data.open, high: data.high, low: data.low, close: data.close, volume: data.volume,
            condition: zip(data.close, data.open).map { $0 > $1 })
    }

    /// A seeded random OHLCV walk of `count` bars around `level`, with everything the NaN policy and the
    /// batch kernels' special cases care about: a NaN run at the start and one in the middle, NaNs in
    /// single fields, constant stretches (flat windows, zero variance, no money flow), and optionally
    /// prices on a 1/64 grid (ties between highs and lows) or frequent short runs.
    static func random(
        seed: UInt64, count: Int = 2_600, level: Double = 100, volatility: Double = 1, grid: Bool = false,
        scatteredNaNs: Bool = false
    ) -> StreamingInputs {
        var random = SplitMix64(seed: seed)
        func noise() -> Double { (random.unit() + random.unit() + random.unit() - 1.5) * volatility }
        func snap(_ value: Double) -> Double { grid ? (value * 64).rounded() / 64 : value }
        var data = StreamingInputs(
            name: "seed \(seed)", open: [], high: [], low: [], close: [], volume: [], condition: [])
        var close = level
        for _ in 0..<count {
            let open = snap(close + noise() * 0.3)
            close = snap(Swift.max(close + noise(), level * 0.01))
            data.open.append(open)
            data.close.append(close)
            data.high.append(snap(Swift.max(open, close) + Swift.abs(noise()) * 0.5))
            data.low.append(snap(Swift.min(open, close) - Swift.abs(noise()) * 0.5))
            data.volume.append((1_000 * (0.5 + random.unit())).rounded())
            data.condition.append(random.unit() < 0.2)
        }
        // Constant stretches: a fully flat one, and one with a flat close but live highs and lows.
        for index in (count / 5)..<(count / 5 + 45) {
            data.open[index] = data.close[count / 5]
            data.high[index] = data.close[count / 5]
            data.low[index] = data.close[count / 5]
            data.close[index] = data.close[count / 5]
            data.volume[index] = data.volume[count / 5]
        }
        for index in (count / 2)..<(count / 2 + 30) { data.close[index] = data.close[count / 2] }
        // NaN runs: at the start, and in the middle after the long first run that block rebuilds need.
        let prefix = Int(random.next() % 12)
        let middle = count * 7 / 10
        for index in Array(0..<prefix) + Array(middle..<(middle + 1 + Int(random.next() % 5))) {
            data.setAll(index, .nan)
        }
        if scatteredNaNs {
            // Many short runs, some shorter than every warm-up.
            var index = 0
            while index < count {
                // The single-field NaNs below keep their other fields.
                if ![50, 100, 150, 200, 300].contains(count - index) { data.setAll(index, .nan) }
                index += 3 + Int(random.next() % 60)
            }
        }
        // NaNs in single fields near the end: only the kernels that read the field restart.
        data.volume[count - 300] = .nan
        data.high[count - 200] = .nan
        data.close[count - 150] = .nan
        data.low[count - 100] = .nan
        data.open[count - 50] = .nan
        return data
    }

    /// A mostly constant series with signed zeros, jumps and zero volume: divisions by zero and flat
    /// windows.
    static func flat(seed: UInt64) -> StreamingInputs {
        var random = SplitMix64(seed: seed)
        var data = StreamingInputs(
            name: "flat \(seed)", open: [], high: [], low: [], close: [], volume: [], condition: [])
        var level = 0.0
        for index in 0..<1_200 {
            if random.unit() < 0.03 { level = (random.unit() * 8).rounded() - 2 }
            let spike = random.unit() < 0.05 ? 1.0 : 0.0
            // Zeros of both signs: the extremes must break ±0 ties as the batch kernels do.
            let low = level == 0 && random.unit() < 0.5 ? -0.0 : level
            data.open.append(level)
            data.high.append(level + spike)
            data.low.append(low)
            data.close.append(index % 97 == 0 ? level + spike : low)
            data.volume.append(random.unit() < 0.5 ? 0 : 100)
            data.condition.append(random.unit() < 0.1)
        }
        return data
    }

    /// Every field of bar `index` set to `value`.
    mutating func setAll(_ index: Int, _ value: Double) {
        open[index] = value
        high[index] = value
        low[index] = value
        close[index] = value
        volume[index] = value
    }

    /// The data sets every twin is checked on: GOOG and seeded random series of several kinds.
    static let all: [StreamingInputs] = [
        goog(),
        random(seed: 1),
        random(seed: 2, level: 25, volatility: 0.4, grid: true),
        random(seed: 3, level: 10_000, volatility: 0.01),
        random(seed: 4, level: 50, volatility: 2, scatteredNaNs: true),
        flat(seed: 5),
    ]
}

/// The support itself: the generator and the data sets are what the property tests assume.
@Suite("Streaming test support")
struct StreamingSupportTests {
    @Test("SplitMix64 gives the published sequence for seed 0")
    func splitMix() {
        var generator = SplitMix64(seed: 0)
        #expect(generator.next() == 0xE220_A839_7B1D_CDAF)
        #expect(generator.next() == 0x6E78_9E6A_A1B9_65F4)
    }

    @Test("the random data sets have NaN runs, single-field NaNs and a long first run")
    func dataShape() {
        for data in StreamingInputs.all where data.name.hasPrefix("seed") {
            #expect(data.close.contains { $0.isNaN })
            #expect(data.volume.enumerated().contains { $0.element.isNaN && !data.close[$0.offset].isNaN })
            let firstNaNAfterStart = data.close.indices.dropFirst(20).first { data.close[$0].isNaN } ?? data.count
            #expect(firstNaNAfterStart > 1_700 || data.name == "seed 4")
        }
    }
}
