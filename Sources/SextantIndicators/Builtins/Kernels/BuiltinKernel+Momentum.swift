// The momentum builtins' kernels, named by the table entries of `BuiltinTable.momentum`.
extension BuiltinKernel {
    /// `rsi(source, length)`.
    static let rsi = windowed(RSI.rsi(_:length:into:), RSIStream.init(length:))
    /// `mom(source, length)`.
    static let mom = windowed(MOM.mom(_:length:into:), MOMStream.init(length:))
    /// `roc(source, length)`.
    static let roc = windowed(ROC.roc(_:length:into:), ROCStream.init(length:))
    /// `cmo(source, length)`.
    static let cmo = windowed(CMO.cmo(_:length:into:), CMOStream.init(length:))

    /// `macd(source, fast, slow, signal)`: macd, signal, hist.
    static let macd = series(settings: 3) { inputs, settings, outputs in
        MACD.macd(
            inputs[0], fastLength: whole(settings[0]), slowLength: whole(settings[1]),
            signalLength: whole(settings[2]), into: outputs[0], signal: outputs[1], hist: outputs[2])
    } stream: { settings in
        MACDStream(fastLength: whole(settings[0]), slowLength: whole(settings[1]), signalLength: whole(settings[2]))
    }

    /// `ppo(source, fast, slow)`.
    static let ppo = series(settings: 2) { inputs, settings, outputs in
        PPO.ppo(inputs[0], fastLength: whole(settings[0]), slowLength: whole(settings[1]), into: outputs[0])
    } stream: { settings in
        PPOStream(fastLength: whole(settings[0]), slowLength: whole(settings[1]))
    }

    /// `apo(source, fast, slow)`.
    static let apo = series(settings: 2) { inputs, settings, outputs in
        APO.apo(inputs[0], fastLength: whole(settings[0]), slowLength: whole(settings[1]), into: outputs[0])
    } stream: { settings in
        APOStream(fastLength: whole(settings[0]), slowLength: whole(settings[1]))
    }

    /// `stochrsi(source, length, fastk, fastd)`: k, d.
    static let stochrsi = series(settings: 3) { inputs, settings, outputs in
        StochRSI.stochrsi(
            inputs[0], length: whole(settings[0]), fastKLength: whole(settings[1]), fastDLength: whole(settings[2]),
            into: outputs[0], d: outputs[1])
    } stream: { settings in
        StochRSIStream(length: whole(settings[0]), fastKLength: whole(settings[1]), fastDLength: whole(settings[2]))
    }

    /// `cci(length)`, reading high, low and close.
    static let cci = bars(.hlc, settings: 1) { inputs, settings, outputs in
        CCI.cci(high: inputs[0], low: inputs[1], close: inputs[2], length: whole(settings[0]), into: outputs[0])
    } stream: { settings in
        CCIStream(length: whole(settings[0]))
    }

    /// `willr(length)`, reading high, low and close.
    static let willr = bars(.hlc, settings: 1) { inputs, settings, outputs in
        WillR.willr(high: inputs[0], low: inputs[1], close: inputs[2], length: whole(settings[0]), into: outputs[0])
    } stream: { settings in
        WillRStream(length: whole(settings[0]))
    }

    /// `stoch(fastk, slowk, slowd)`: k, d; reading high, low and close.
    static let stoch = bars(.hlc, settings: 3) { inputs, settings, outputs in
        Stoch.stoch(
            high: inputs[0], low: inputs[1], close: inputs[2], fastKLength: whole(settings[0]),
            slowKLength: whole(settings[1]), slowDLength: whole(settings[2]), into: outputs[0], d: outputs[1])
    } stream: { settings in
        StochStream(
            fastKLength: whole(settings[0]), slowKLength: whole(settings[1]), slowDLength: whole(settings[2]))
    }

    /// `stochf(fastk, fastd)`: k, d; reading high, low and close.
    static let stochf = bars(.hlc, settings: 2) { inputs, settings, outputs in
        StochF.stochf(
            high: inputs[0], low: inputs[1], close: inputs[2], fastKLength: whole(settings[0]),
            fastDLength: whole(settings[1]), into: outputs[0], d: outputs[1])
    } stream: { settings in
        StochFStream(fastKLength: whole(settings[0]), fastDLength: whole(settings[1]))
    }

    /// `ultosc(fast, medium, slow)`, reading high, low and close.
    static let ultosc = bars(.hlc, settings: 3) { inputs, settings, outputs in
        UltOsc.ultosc(
            high: inputs[0], low: inputs[1], close: inputs[2], fastLength: whole(settings[0]),
            mediumLength: whole(settings[1]), slowLength: whole(settings[2]), into: outputs[0])
    } stream: { settings in
        UltOscStream(fastLength: whole(settings[0]), mediumLength: whole(settings[1]), slowLength: whole(settings[2]))
    }

    /// `bop`, reading open, high, low and close.
    static let bop = bars([.open, .high, .low, .close], settings: 0) { inputs, _, outputs in
        BOP.bop(open: inputs[0], high: inputs[1], low: inputs[2], close: inputs[3], into: outputs[0])
    } stream: { _ in
        BOPStream()
    }
}
