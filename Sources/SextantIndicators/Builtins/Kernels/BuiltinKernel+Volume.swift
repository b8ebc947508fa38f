// The volume builtins' kernels (`mfi` is listed with the momentum oscillators but grouped as volume).
extension BuiltinKernel {
    /// `mfi(length)`, reading high, low, close and volume.
    static let mfi = bars(.hlcv, settings: 1) { inputs, settings, outputs in
        MFI.mfi(
            high: inputs[0], low: inputs[1], close: inputs[2], volume: inputs[3], length: whole(settings[0]),
            into: outputs[0])
    } stream: { settings in
        MFIStream(length: whole(settings[0]))
    }

    /// `obv`, reading close and volume.
    static let obv = bars([.close, .volume], settings: 0) { inputs, _, outputs in
        OBV.obv(close: inputs[0], volume: inputs[1], into: outputs[0])
    } stream: { _ in
        OBVStream()
    }

    /// `ad`, reading high, low, close and volume.
    static let ad = bars(.hlcv, settings: 0) { inputs, _, outputs in
        AD.ad(high: inputs[0], low: inputs[1], close: inputs[2], volume: inputs[3], into: outputs[0])
    } stream: { _ in
        ADStream()
    }

    /// `adosc(fast, slow)`, reading high, low, close and volume.
    static let adosc = bars(.hlcv, settings: 2) { inputs, settings, outputs in
        ADOSC.adosc(
            high: inputs[0], low: inputs[1], close: inputs[2], volume: inputs[3], fastLength: whole(settings[0]),
            slowLength: whole(settings[1]), into: outputs[0])
    } stream: { settings in
        ADOSCStream(fastLength: whole(settings[0]), slowLength: whole(settings[1]))
    }
}
