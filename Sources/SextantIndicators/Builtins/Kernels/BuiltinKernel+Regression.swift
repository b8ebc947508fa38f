// The regression builtins' kernels, named by the table entries of `BuiltinTable.regression`.
extension BuiltinKernel {
    /// `linreg(source, length)`.
    static let linreg = windowed(LinearReg.linreg(_:length:into:), LinearRegStream.init(length:))
    /// `linreg_slope(source, length)`.
    static let linregSlope = windowed(LinearRegSlope.linregSlope(_:length:into:), LinearRegSlopeStream.init(length:))
    /// `tsf(source, length)`.
    static let tsf = windowed(TSF.tsf(_:length:into:), TSFStream.init(length:))

    /// `correl(a, b, length)`.
    static let correl = pair(settings: 1) { inputs, settings, outputs in
        Correl.correl(inputs[0], inputs[1], length: whole(settings[0]), into: outputs[0])
    } stream: { settings in
        CorrelStream(length: whole(settings[0]))
    }

    /// `beta(a, b, length)`.
    static let beta = pair(settings: 1) { inputs, settings, outputs in
        Beta.beta(inputs[0], inputs[1], length: whole(settings[0]), into: outputs[0])
    } stream: { settings in
        BetaStream(length: whole(settings[0]))
    }
}
