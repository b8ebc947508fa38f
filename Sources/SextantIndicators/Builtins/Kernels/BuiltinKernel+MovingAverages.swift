// The moving averages' kernels, named by the table entries of `BuiltinTable.movingAverages`.
extension BuiltinKernel {
    /// `sma(source, length)`.
    static let sma = windowed(SMA.sma(_:length:into:), SMAStream.init(length:))
    /// `ema(source, length)`.
    static let ema = windowed(EMA.ema(_:length:into:), EMAStream.init(length:))
    /// `wma(source, length)`.
    static let wma = windowed(WMA.wma(_:length:into:), WMAStream.init(length:))
    /// `dema(source, length)`.
    static let dema = windowed(DEMA.dema(_:length:into:), DEMAStream.init(length:))
    /// `tema(source, length)`.
    static let tema = windowed(TEMA.tema(_:length:into:), TEMAStream.init(length:))
    /// `trima(source, length)`.
    static let trima = windowed(TRIMA.trima(_:length:into:), TRIMAStream.init(length:))
    /// `kama(source, length)`.
    static let kama = windowed(KAMA.kama(_:length:into:), KAMAStream.init(length:))
    /// `midpoint(source, length)`.
    static let midpoint = windowed(MidPoint.midpoint(_:length:into:), MidPointStream.init(length:))

    /// `t3(source, length, vfactor)`.
    static let t3 = series(settings: 2) { inputs, settings, outputs in
        T3.t3(inputs[0], length: whole(settings[0]), volumeFactor: settings[1], into: outputs[0])
    } stream: { settings in
        T3Stream(length: whole(settings[0]), volumeFactor: settings[1])
    }

    /// `ht_trendline(source)`.
    static let htTrendline = series(settings: 0) { inputs, _, outputs in
        HTTrendline.htTrendline(inputs[0], into: outputs[0])
    } stream: { _ in
        HTTrendlineStream()
    }

    /// `midprice(length)`, reading high and low.
    static let midprice = bars([.high, .low], settings: 1) { inputs, settings, outputs in
        MidPrice.midprice(high: inputs[0], low: inputs[1], length: whole(settings[0]), into: outputs[0])
    } stream: { settings in
        MidPriceStream(length: whole(settings[0]))
    }
}
