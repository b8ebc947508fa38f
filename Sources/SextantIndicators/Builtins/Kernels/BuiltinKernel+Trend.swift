// The trend builtins' kernels (`sar` is listed with the moving averages but grouped as trend).
extension BuiltinKernel {
    /// `sar(acceleration, maximum)`, reading high and low.
    static let sar = bars(.hl, settings: 2) { inputs, settings, outputs in
        SAR.sar(high: inputs[0], low: inputs[1], acceleration: settings[0], maximum: settings[1], into: outputs[0])
    } stream: { settings in
        SARStream(acceleration: settings[0], maximum: settings[1])
    }

    /// `adx(length)`, reading high, low and close.
    static let adx = bars(.hlc, settings: 1) { inputs, settings, outputs in
        ADX.adx(high: inputs[0], low: inputs[1], close: inputs[2], length: whole(settings[0]), into: outputs[0])
    } stream: { settings in
        ADXStream(length: whole(settings[0]))
    }

    /// `adxr(length)`, reading high, low and close.
    static let adxr = bars(.hlc, settings: 1) { inputs, settings, outputs in
        ADXR.adxr(high: inputs[0], low: inputs[1], close: inputs[2], length: whole(settings[0]), into: outputs[0])
    } stream: { settings in
        ADXRStream(length: whole(settings[0]))
    }

    /// `plus_di(length)`, reading high, low and close.
    static let plusDI = bars(.hlc, settings: 1) { inputs, settings, outputs in
        PlusDI.plusDI(high: inputs[0], low: inputs[1], close: inputs[2], length: whole(settings[0]), into: outputs[0])
    } stream: { settings in
        PlusDIStream(length: whole(settings[0]))
    }

    /// `minus_di(length)`, reading high, low and close.
    static let minusDI = bars(.hlc, settings: 1) { inputs, settings, outputs in
        MinusDI.minusDI(
            high: inputs[0], low: inputs[1], close: inputs[2], length: whole(settings[0]), into: outputs[0])
    } stream: { settings in
        MinusDIStream(length: whole(settings[0]))
    }

    /// `aroon(length)`: up, down; reading high and low.
    static let aroon = bars(.hl, settings: 1) { inputs, settings, outputs in
        Aroon.aroon(high: inputs[0], low: inputs[1], length: whole(settings[0]), into: outputs[0], down: outputs[1])
    } stream: { settings in
        AroonStream(length: whole(settings[0]))
    }

    /// `aroonosc(length)`, reading high and low.
    static let aroonosc = bars(.hl, settings: 1) { inputs, settings, outputs in
        AroonOsc.aroonosc(high: inputs[0], low: inputs[1], length: whole(settings[0]), into: outputs[0])
    } stream: { settings in
        AroonOscStream(length: whole(settings[0]))
    }
}
