import Foundation

/// The values one param takes in a search: from `--grid fast=5..50:5` or `--grid fast=5,10,20`, or from
/// the param's `range: [start, stop, step]` in the strategy file.
public struct ParamAxis: Sendable, Equatable {
    /// The param's name.
    public var name: String
    /// Its values, in order.
    public var values: [Double]

    /// Creates an axis.
    public init(name: String, values: [Double]) {
        self.name = name
        self.values = values
    }

    /// The values of `start..stop` by `step`, both ends included; each value is rounded to 12
    /// significant digits so that `0.1..0.5:0.1` gives 0.3, not 0.30000000000000004.
    public static func values(start: Double, stop: Double, step: Double) -> [Double]? {
        guard start.isFinite, stop.isFinite, step.isFinite, step > 0, start <= stop else { return nil }
        let count = Int(((stop - start) / step + 1e-9).rounded(.down)) + 1
        guard count <= 1_000_000 else { return nil }
        return (0..<count).map { index in
            let value = start + Double(index) * step
            guard value != 0 else { return 0 }
            let scale = pow(10, 11 - floor(log10(abs(value))))
            return (value * scale).rounded() / scale
        }
    }

    /// Parses `NAME=START..STOP:STEP`, `NAME=START..STOP` (step 1) or `NAME=V1,V2,…`; percents allowed.
    public init(parsing text: String) throws(OptimizeFailure) {
        guard let equals = text.firstIndex(of: "="), equals != text.startIndex else {
            throw .usage("--grid expects NAME=START..STOP:STEP or NAME=V1,V2,…, got `\(text)`")
        }
        let name = String(text[..<equals]).trimmingCharacters(in: .whitespaces)
        let spec = String(text[text.index(after: equals)...]).trimmingCharacters(in: .whitespaces)
        func number(_ part: some StringProtocol) throws(OptimizeFailure) -> Double {
            let trimmed = part.trimmingCharacters(in: .whitespaces)
            let value = trimmed.hasSuffix("%") ? Double(trimmed.dropLast()).map { $0 / 100 } : Double(trimmed)
            guard let value, value.isFinite else { throw .usage("--grid \(name): `\(trimmed)` is not a number") }
            return value
        }
        if let dots = spec.range(of: "..") {
            let start = try number(spec[..<dots.lowerBound])
            let rest = spec[dots.upperBound...]
            let parts = rest.split(separator: ":", omittingEmptySubsequences: false)
            guard parts.count <= 2 else { throw .usage("--grid \(name): expected START..STOP:STEP, got `\(spec)`") }
            let stop = try number(parts[0])
            let step = parts.count == 2 ? try number(parts[1]) : 1
            guard let values = Self.values(start: start, stop: stop, step: step) else {
                throw .usage("--grid \(name): needs START ≤ STOP, a STEP > 0 and at most a million values")
            }
            self.init(name: name, values: values)
        } else {
            var values: [Double] = []
            for part in spec.split(separator: ",") { values.append(try number(part)) }
            guard !values.isEmpty else { throw .usage("--grid \(name): no values") }
            self.init(name: name, values: values)
        }
    }
}
