import Foundation
import SextantCore

/// Numbers and times as the report shows them to people (the embedded data keeps full precision).
enum ReportFormat {
    /// `1,234.57`: fixed decimals with thousands separators; `—` when not finite.
    static func fixed(_ value: Double, decimals: Int = 2) -> String {
        guard value.isFinite else { return "—" }
        let text = String(format: "%.\(decimals)f", abs(value))
        let parts = text.split(separator: ".", maxSplits: 1)
        let whole = grouped(String(parts.first ?? "0"))
        let fraction = parts.count > 1 ? "." + parts[1] : ""
        let negative = value < 0 && text.contains(where: { $0 != "0" && $0 != "." })
        return (negative ? "-" : "") + whole + fraction
    }

    /// A price: two decimals from 1 up, more significant digits below (crypto and FX quotes).
    static func price(_ value: Double) -> String {
        guard value.isFinite else { return "—" }
        let magnitude = abs(value)
        if magnitude >= 1 || magnitude == 0 { return fixed(value, decimals: 2) }
        return fixed(value, decimals: min(10, 3 - Int(log10(magnitude).rounded(.down))))
    }

    /// A signed percentage: `+1.23%`.
    static func percent(_ value: Double, decimals: Int = 2) -> String {
        guard value.isFinite else { return "—" }
        let text = fixed(value, decimals: decimals)
        return (value > 0 && text.contains(where: { $0 != "0" && $0 != "." }) ? "+" : "") + text + "%"
    }

    /// A trade size: whole units without decimals, fractional ones with up to six.
    static func size(_ value: Double) -> String { plain(value) }

    /// A number with as many decimals as it needs, up to six: `0.2`, `1,500`, `0.000125`.
    static func plain(_ value: Double) -> String {
        guard value.isFinite else { return "—" }
        if value == value.rounded() { return fixed(value, decimals: 0) }
        var text = fixed(value, decimals: 6)
        while text.hasSuffix("0") { text.removeLast() }
        if text.hasSuffix(".") { text.removeLast() }
        return text
    }

    /// A bar time: `2004-08-19` for daily data, `2004-08-19 09:30` otherwise.
    static func time(_ seconds: Int64, dateOnly: Bool) -> String {
        let iso = UTCTime.iso8601(seconds, dateOnly: dateOnly)
        guard !dateOnly else { return iso }
        // `2004-08-19T09:30:00Z` → `2004-08-19 09:30` (seconds only when they are not zero).
        let clock = iso.dropFirst(11).dropLast()
        let shown = clock.hasSuffix(":00") ? clock.dropLast(3) : clock
        return iso.prefix(10) + " " + shown
    }

    /// `12345678` → `12,345,678`.
    private static func grouped(_ digits: String) -> String {
        guard digits.count > 3 else { return digits }
        var result = ""
        for (index, character) in digits.enumerated() {
            if index > 0, (digits.count - index) % 3 == 0 { result += "," }
            result.append(character)
        }
        return result
    }
}
