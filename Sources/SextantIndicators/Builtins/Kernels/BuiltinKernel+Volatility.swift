// The volatility builtins' kernels (`bbands` is listed with the moving averages but is a volatility band).
extension BuiltinKernel {
    /// `bbands(source, length, mult)`: upper, middle, lower; the bands are symmetric, so `mult` is both
    /// TA-Lib deviations.
    static let bbands = series(settings: 2) { inputs, settings, outputs in
        BBands.bbands(
            inputs[0], length: whole(settings[0]), deviationsUp: settings[1], deviationsDown: settings[1],
            into: outputs[0], middle: outputs[1], lower: outputs[2])
    } stream: { settings in
        BBandsStream(length: whole(settings[0]), deviationsUp: settings[1], deviationsDown: settings[1])
    }

    /// `trange`, reading high, low and close.
    static let trange = bars(.hlc, settings: 0) { inputs, _, outputs in
        TRange.trange(high: inputs[0], low: inputs[1], close: inputs[2], into: outputs[0])
    } stream: { _ in
        TRangeStream()
    }

    /// `atr(length)`, reading high, low and close.
    static let atr = bars(.hlc, settings: 1) { inputs, settings, outputs in
        ATR.atr(high: inputs[0], low: inputs[1], close: inputs[2], length: whole(settings[0]), into: outputs[0])
    } stream: { settings in
        ATRStream(length: whole(settings[0]))
    }

    /// `natr(length)`, reading high, low and close.
    static let natr = bars(.hlc, settings: 1) { inputs, settings, outputs in
        NATR.natr(high: inputs[0], low: inputs[1], close: inputs[2], length: whole(settings[0]), into: outputs[0])
    } stream: { settings in
        NATRStream(length: whole(settings[0]))
    }

    /// `stddev(source, length, mult)`.
    static let stddev = series(settings: 2) { inputs, settings, outputs in
        StdDev.stddev(inputs[0], length: whole(settings[0]), multiplier: settings[1], into: outputs[0])
    } stream: { settings in
        StdDevStream(length: whole(settings[0]), multiplier: settings[1])
    }

    /// `var(source, length)`.
    static let `var` = windowed(Variance.variance(_:length:into:), VarianceStream.init(length:))
}
