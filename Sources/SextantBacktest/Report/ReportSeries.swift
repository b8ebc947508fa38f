import SextantCore

/// The bars, equity and drawdown the report's charts draw, reduced to a bounded number of buckets.
///
/// A chart cannot show more points than it has pixel columns, and a million bars written out would
/// make a report of tens of megabytes. Up to `rawLimit` bars every bar is kept; beyond, the bars are
/// cut into `buckets` runs of consecutive bars and each run keeps what a pixel column needs: its
/// first open, highest high, lowest low and last close (itself a valid candle), the lowest, highest
/// and last equity, the deepest drawdown and the summed volume. Extremes therefore survive: the
/// maximum drawdown and the equity peak are drawn at their true height. Trades are not bucketed
/// (`ReportTrades` places them on their exact bars and prices).
struct ReportSeries {
    /// Bars in the run.
    var barCount: Int
    /// True when every bar is its own bucket.
    var isRaw: Bool
    /// The first bar of each bucket; bucket `i` covers `start[i] ..< start[i + 1]` (the last one up to `barCount`).
    var start: [Int64] = []
    /// The time of each bucket's first bar, seconds since the Unix epoch.
    var time: [Int64] = []
    var open: [Double] = []
    var high: [Double] = []
    var low: [Double] = []
    var close: [Double] = []
    /// Summed volume per bucket; nil when the data has no volume (missing, or zero throughout).
    var volume: [Double]?
    /// Equity at the last bar of each bucket.
    var equity: [Double] = []
    /// The lowest and highest equity within each bucket (empty when raw: they equal `equity`).
    var equityLow: [Double] = []
    var equityHigh: [Double] = []
    /// The deepest drawdown within each bucket, as a fraction below the running peak.
    var drawdown: [Double] = []

    /// Reduces a run's series.
    ///
    /// - Parameters:
    ///   - rawLimit: the most bars kept one by one.
    ///   - buckets: the number of buckets beyond that (about the pixel width of a wide screen, so that
    ///     each pixel column still has its own extremes).
    init(
        time barTime: [Int64], fields: [BarField: [Double]], equity barEquity: [Double], drawdown barDrawdown: [Double],
        rawLimit: Int = 5000, buckets: Int = 2400
    ) {
        let count = barTime.count
        barCount = count
        isRaw = count <= rawLimit
        let bucketCount = isRaw ? count : max(1, buckets)
        let closes = fields[.close] ?? []
        // A file with only closes still draws: the missing fields fall back to the close.
        let opens = fields[.open] ?? closes
        let highs = fields[.high] ?? closes
        let lows = fields[.low] ?? closes
        let volumes = fields[.volume] ?? []
        let hasVolume = volumes.contains { $0.isFinite && $0 != 0 }
        func at(_ column: [Double], _ index: Int) -> Double { index < column.count ? column[index] : .nan }

        reserve(bucketCount, withVolume: hasVolume, isRaw: isRaw)
        var volumeColumn: [Double] = []
        if hasVolume { volumeColumn.reserveCapacity(bucketCount) }
        for bucket in 0..<bucketCount {
            // Integer division spreads the remainder evenly: bucket sizes differ by at most one bar.
            let first = Int(Int64(bucket) * Int64(count) / Int64(bucketCount))
            let end = Int(Int64(bucket + 1) * Int64(count) / Int64(bucketCount))
            guard first < end else { continue }
            var bucketOpen = Double.nan
            var bucketClose = Double.nan
            var bucketHigh = -Double.infinity
            var bucketLow = Double.infinity
            var lowestEquity = Double.infinity
            var highestEquity = -Double.infinity
            var lastEquity = Double.nan
            var deepest = -Double.infinity
            var volumeSum = 0.0
            for index in first..<end {
                let openValue = at(opens, index)
                if bucketOpen.isNaN, openValue.isFinite { bucketOpen = openValue }
                let closeValue = at(closes, index)
                if closeValue.isFinite { bucketClose = closeValue }
                let highValue = at(highs, index)
                if highValue > bucketHigh { bucketHigh = highValue }
                let lowValue = at(lows, index)
                if lowValue < bucketLow { bucketLow = lowValue }
                let equityValue = at(barEquity, index)
                if equityValue.isFinite {
                    lastEquity = equityValue
                    if equityValue < lowestEquity { lowestEquity = equityValue }
                    if equityValue > highestEquity { highestEquity = equityValue }
                }
                let drawdownValue = at(barDrawdown, index)
                if drawdownValue > deepest { deepest = drawdownValue }
                let volumeValue = at(volumes, index)
                if volumeValue.isFinite { volumeSum += volumeValue }
            }
            start.append(Int64(first))
            time.append(barTime[first])
            open.append(bucketOpen)
            high.append(bucketHigh.isFinite ? bucketHigh : .nan)
            low.append(bucketLow.isFinite ? bucketLow : .nan)
            close.append(bucketClose)
            equity.append(lastEquity)
            if !isRaw {
                equityLow.append(lowestEquity.isFinite ? lowestEquity : .nan)
                equityHigh.append(highestEquity.isFinite ? highestEquity : .nan)
            }
            drawdown.append(deepest.isFinite ? deepest : .nan)
            if hasVolume { volumeColumn.append(volumeSum) }
        }
        volume = hasVolume ? volumeColumn : nil
    }

    private mutating func reserve(_ capacity: Int, withVolume: Bool, isRaw: Bool) {
        start.reserveCapacity(capacity)
        time.reserveCapacity(capacity)
        open.reserveCapacity(capacity)
        high.reserveCapacity(capacity)
        low.reserveCapacity(capacity)
        close.reserveCapacity(capacity)
        equity.reserveCapacity(capacity)
        drawdown.reserveCapacity(capacity)
        if !isRaw {
            equityLow.reserveCapacity(capacity)
            equityHigh.reserveCapacity(capacity)
        }
    }

    /// The JSON members of the series (without the enclosing braces).
    var jsonMembers: String {
        var members = [
            "\"n\":\(barCount)",
            "\"raw\":\(isRaw)",
            "\"x\":\(ReportJSON.array(start))",
            "\"t\":\(ReportJSON.array(time))",
            "\"o\":\(ReportJSON.array(open))",
            "\"h\":\(ReportJSON.array(high))",
            "\"l\":\(ReportJSON.array(low))",
            "\"c\":\(ReportJSON.array(close))",
            "\"eq\":\(ReportJSON.array(equity))",
            "\"dd\":\(ReportJSON.array(drawdown))",
        ]
        members.append("\"v\":" + (volume.map { ReportJSON.array($0) } ?? "null"))
        members.append("\"eqLo\":" + (isRaw ? "null" : ReportJSON.array(equityLow)))
        members.append("\"eqHi\":" + (isRaw ? "null" : ReportJSON.array(equityHigh)))
        return members.joined(separator: ",")
    }
}
