public import SextantCore
public import SextantLanguage

/// The bars an evaluation reads: one set of OHLCV columns per symbol alias (nil = the primary
/// symbol), all of one length and aligned by time.
public struct MarketData: Sendable {
    /// Bar open times, seconds since the Unix epoch.
    public var time: [Int64]
    /// Columns by alias and field.
    public var columns: [String?: [BarField: [Double]]]

    /// Creates market data; every column must have `time.count` values.
    public init(time: [Int64], columns: [String?: [BarField: [Double]]]) {
        self.time = time
        self.columns = columns
    }

    /// Market data of one symbol from rows.
    public init(bars: [Bar]) {
        time = bars.map(\.time)
        var fields: [BarField: [Double]] = [:]
        for field in BarField.allCases { fields[field] = bars.map { $0[field] } }
        columns = [nil: fields]
    }

    /// The number of bars.
    public var count: Int { time.count }

    /// The value of a bar name at bar `index`.
    @inline(__always)
    static func value(_ name: BarName, _ fields: [BarField: [Double]], _ time: [Int64], _ index: Int) -> Double {
        func at(_ field: BarField) -> Double { fields[field]?[index] ?? .nan }
        return name.value(
            open: at(.open), high: at(.high), low: at(.low), close: at(.close), volume: at(.volume), time: time[index],
            index: index)
    }
}

extension MarketData {
    /// The bars `range` (every column sliced alike).
    public func slice(_ range: Range<Int>) -> MarketData {
        var columns: [String?: [BarField: [Double]]] = [:]
        for (alias, fields) in self.columns {
            var sliced: [BarField: [Double]] = [:]
            for (field, values) in fields where values.count == count { sliced[field] = Array(values[range]) }
            columns[alias] = sliced
        }
        return MarketData(time: Array(time[range]), columns: columns)
    }
}
