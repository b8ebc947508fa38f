/// Chaikin A/D oscillator (TA-Lib `ADOSC`): `EMA(AD, fast) − EMA(AD, slow)`.
///
/// Unlike `EMA`, both averages are seeded with the first A/D value (TA-Lib and Metastock do this) and
/// run from the first bar, `ema = k·ad + (1 − k)·ema`; output starts at bar `max(fast, slow) − 1` of
/// each NaN-free run (see `ValidRuns`). The names follow the arguments: `ADOSC(10, 3)` is
/// `EMA(10) − EMA(3)`.
public enum ADOSC {
    /// TA-Lib's lookback.
    public static func lookback(fastLength: Int, slowLength: Int) -> Int { Swift.max(fastLength, slowLength) - 1 }

    /// Writes the oscillator into `output`. Lengths < 1 give all NaN.
    public static func adosc(
        high: UnsafeBufferPointer<Double>, low: UnsafeBufferPointer<Double>, close: UnsafeBufferPointer<Double>,
        volume: UnsafeBufferPointer<Double>, fastLength: Int, slowLength: Int,
        into output: UnsafeMutableBufferPointer<Double>
    ) {
        KernelColumns.run([high, low, close, volume], [output]) { x, out, range in
            let offset = range.lowerBound
            run(
                x[0] + offset, x[1] + offset, x[2] + offset, x[3] + offset, count: range.count, fast: fastLength,
                slow: slowLength, out[0] + offset)
        }
    }

    /// The oscillator.
    public static func adosc(
        high: [Double], low: [Double], close: [Double], volume: [Double], fastLength: Int, slowLength: Int
    ) -> [Double] {
        KernelColumns.make(count: close.count) { output in
            high.withUnsafeBufferPointer { high in
                low.withUnsafeBufferPointer { low in
                    close.withUnsafeBufferPointer { close in
                        volume.withUnsafeBufferPointer { volume in
                            adosc(
                                high: high, low: low, close: close, volume: volume, fastLength: fastLength,
                                slowLength: slowLength, into: output)
                        }
                    }
                }
            }
        }
    }

    /// The run core.
    static func run(
        _ high: UnsafePointer<Double>, _ low: UnsafePointer<Double>, _ close: UnsafePointer<Double>,
        _ volume: UnsafePointer<Double>, count: Int, fast: Int, slow: Int, _ out: UnsafeMutablePointer<Double>
    ) {
        let first = Swift.max(fast, slow) - 1
        guard fast >= 1, slow >= 1, first < count else {
            ValidRuns.fillNaN(out, runStart: 0, runEnd: count)
            return
        }
        ValidRuns.fillNaN(out, runStart: 0, runEnd: first)
        // TA-Lib's constants: each pair sums to exactly 1 so a flat A/D line stays flat.
        let fastDecay = Double(fast - 1) / Double(fast + 1)
        let fastK = 1 - fastDecay
        let slowDecay = Double(slow - 1) / Double(slow + 1)
        let slowK = 1 - slowDecay
        var ad = AD.flow(high[0], low[0], close[0], volume[0])
        var fastEMA = ad
        var slowEMA = ad
        if first == 0 { out[0] = 0 }
        var index = 1
        while index < count {
            ad += AD.flow(high[index], low[index], close[index], volume[index])
            fastEMA = fastK * ad + fastDecay * fastEMA
            slowEMA = slowK * ad + slowDecay * slowEMA
            if index >= first { out[index] = fastEMA - slowEMA }
            index += 1
        }
    }
}
