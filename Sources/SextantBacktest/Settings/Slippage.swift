import Foundation

/// Adverse price movement on every fill: buys fill higher, sells lower.
public enum Slippage: Sendable, Equatable, Codable, CustomStringConvertible {
    /// Fills at the quoted price.
    case none
    /// A fixed price distance (`--slippage 0.05`).
    case fixed(Double)
    /// A fraction of the price (`--slippage 0.1%`).
    case percent(Double)
    /// A multiple of ATR(14) at the signal bar (`--slippage 0.5atr`).
    case atr(Double)

    /// Parses the command-line form: `0.05`, `0.1%` or `0.5atr`; nil when malformed or negative.
    public init?(parsing text: String) {
        let trimmed = text.trimmingCharacters(in: .whitespaces).lowercased()
        if trimmed.hasSuffix("atr"), let value = Double(trimmed.dropLast(3)), value >= 0, value.isFinite {
            self = .atr(value)
        } else if trimmed.hasSuffix("%"), let value = Double(trimmed.dropLast()), value >= 0, value.isFinite {
            self = .percent(value / 100)
        } else if let value = Double(trimmed), value >= 0, value.isFinite {
            self = value == 0 ? .none : .fixed(value)
        } else {
            return nil
        }
    }

    /// The price distance at `price` with `atr` the ATR(14) of the signal bar.
    @inline(__always)
    func distance(price: Double, atr: Double) -> Double {
        switch self {
        case .none: 0
        case .fixed(let value): value
        case .percent(let fraction): price * fraction
        case .atr(let multiple): atr.isNaN ? 0 : multiple * atr
        }
    }

    public var description: String {
        switch self {
        case .none: "0"
        case .fixed(let value): "\(value)"
        case .percent(let fraction): "\(fraction * 100)%"
        case .atr(let multiple): "\(multiple)atr"
        }
    }

    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let value = Slippage(parsing: text) else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "bad slippage"))
        }
        self = value
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}
