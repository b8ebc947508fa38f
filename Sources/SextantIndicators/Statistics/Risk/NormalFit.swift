/// The rolling normal fit shared by `VaRParametric` and `VaRMonteCarlo`: the window mean μ and the
/// *sample* standard deviation σ (ddof = 1), from the cancellation-free `RollingVariance`.
enum NormalFit {
    /// Writes μ into `mean` and σ into `deviation` for bars `length − 1..<count` (`length ≥ 2`).
    static func compute(
        _ x: UnsafePointer<Double>, count: Int, length: Int, mean: UnsafeMutablePointer<Double>,
        deviation: UnsafeMutablePointer<Double>
    ) {
        RollingVariance.compute(x, count: count, length: length, mean: mean, variance: deviation)
        let correction = Double(length) / Double(length - 1)
        for index in (length - 1)..<count { deviation[index] = (deviation[index] * correction).squareRoot() }
    }
}
