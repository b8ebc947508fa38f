import Foundation

/// The reference files of `Reference/` (see shared/reference/README.md): GOOG bars and TA-Lib 0.8.1's
/// outputs for them.
struct ReferenceData: Sendable {
    let open: [Double]
    let high: [Double]
    let low: [Double]
    let close: [Double]
    let volume: [Double]
    /// TA-Lib output columns by name; NaN where TA-Lib gave no value.
    let talib: [String: [Double]]
    /// TA-Lib column names in file order.
    let talibColumns: [String]

    /// Loaded once for the whole test run.
    static let shared: ReferenceData = load()

    private static func load() -> ReferenceData {
        guard let folder = Bundle.module.url(forResource: "Reference", withExtension: nil) else {
            fatalError("Reference folder missing from the test bundle")
        }
        let bars = table(folder.appendingPathComponent("GOOG.csv"))
        let talib = table(folder.appendingPathComponent("talib_GOOG.csv"))
        var columns: [String: [Double]] = [:]
        for (index, name) in talib.header.enumerated() where index > 0 {
            columns[name] = talib.rows.map { $0[index] }
        }
        func column(_ name: String) -> [Double] {
            guard let index = bars.header.firstIndex(of: name) else { fatalError("GOOG.csv lacks \(name)") }
            return bars.rows.map { $0[index] }
        }
        return ReferenceData(
            open: column("open"), high: column("high"), low: column("low"), close: column("close"),
            volume: column("volume"), talib: columns, talibColumns: Array(talib.header.dropFirst()))
    }

    /// A CSV of numbers after a `time` column; empty fields are NaN.
    private static func table(_ url: URL) -> (header: [String], rows: [[Double]]) {
        guard let text = try? String(contentsOf: url, encoding: .utf8) else { fatalError("cannot read \(url)") }
        var lines = text.split(whereSeparator: \.isNewline)
        let header = lines.removeFirst().split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        let rows = lines.map { line in
            line.split(separator: ",", omittingEmptySubsequences: false).enumerated().map { index, field in
                index == 0 || field.isEmpty ? Double.nan : (Double(field) ?? .nan)
            }
        }
        return (header, rows)
    }
}
