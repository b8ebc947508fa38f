import Testing

@testable import SextantCore

/// Two symbols' files with gaps, aligned by time.
@Suite("BarAlignment")
struct BarAlignmentTests {
    /// BTC has bars on days 1, 2, 3, 5, 6; ETH on days 2, 3, 4, 6, 7 (each misses days the other has).
    static let btcText = """
        time,open,high,low,close,volume
        2024-01-01,10,11,9,10.5,100
        2024-01-02,10.5,12,10,11,110
        2024-01-03,11,13,10.5,12,120
        2024-01-05,12,12.5,11,11.5,130
        2024-01-06,11.5,12,11,11.75,140

        """
    static let ethText = """
        date,open,high,low,close
        2024-01-02,1,1.2,0.9,1.1
        2024-01-03,1.1,1.3,1,1.2
        2024-01-04,1.2,1.4,1.1,1.3
        2024-01-06,1.3,1.5,1.2,1.4
        2024-01-07,1.4,1.6,1.3,1.5

        """
    static let day: Int64 = 86_400
    static let january1: Int64 = 1_704_067_200

    func readBoth() throws -> (btc: BarSeries, eth: BarSeries) {
        let btcPath = try CSVTestSupport.temporaryFile(Self.btcText, name: "btc.csv")
        let ethPath = try CSVTestSupport.temporaryFile(Self.ethText, name: "eth.csv")
        return (try CSVBarReader.read(path: btcPath), try CSVBarReader.read(path: ethPath))
    }

    @Test("inner (the default) keeps only the common times, in order, and counts the dropped bars")
    func inner() throws {
        let (btc, eth) = try readBoth()
        #expect(BarAlignment.default == .inner)
        let aligned = BarAlignment.default.align([("btc", btc), ("eth", eth)])
        let days: [Int64] = [2, 3, 6]
        #expect(aligned.time == days.map { Self.january1 + ($0 - 1) * Self.day })
        #expect(aligned.names == ["btc", "eth"])
        #expect(aligned["btc"]?.time == aligned.time && aligned["eth"]?.time == aligned.time)
        #expect(aligned["btc"]?.close == [11, 12, 11.75])
        #expect(aligned["eth"]?.close == [1.1, 1.2, 1.4])
        #expect(aligned["btc"]?.volume == [110, 120, 140])
        #expect(aligned["eth"]?.hasVolume == false)
        #expect(aligned.dropped == [2, 2])  // btc: days 1 and 5; eth: days 4 and 7
        #expect(aligned.filled == [0, 0])
        #expect(aligned["sol"] == nil)
    }

    @Test("outer keeps every time and fills flat bars at the previous close")
    func outer() throws {
        let (btc, eth) = try readBoth()
        let aligned = BarAlignment.outer.align([("btc", btc), ("eth", eth)])
        #expect(aligned.count == 7)
        #expect(aligned.time == (0..<7).map { Self.january1 + Int64($0) * Self.day })
        let btcBars = try #require(aligned["btc"])
        // Day 4 and day 7 are made up from the previous close, with zero volume.
        #expect(
            btcBars[3] == Bar(time: Self.january1 + 3 * Self.day, open: 12, high: 12, low: 12, close: 12, volume: 0))
        #expect(btcBars.close == [10.5, 11, 12, 12, 11.5, 11.75, 11.75])
        let ethBars = try #require(aligned["eth"])
        // Before its first bar ETH is unknown: NaN everywhere.
        #expect(ethBars.open[0].isNaN && ethBars.close[0].isNaN && ethBars.volume[0].isNaN)
        #expect(ethBars.close.dropFirst() == [1.1, 1.2, 1.3, 1.3, 1.4, 1.5])
        #expect(aligned.filled == [2, 2])
        #expect(aligned.dropped == [0, 0])
    }

    @Test("one series aligns to itself; no common time gives empty series")
    func degenerate() throws {
        let (btc, _) = try readBoth()
        let alone = BarAlignment.inner.align([("btc", btc)])
        #expect(alone["btc"] == btc)
        let late = BarSeries(
            time: [Self.january1 + 100 * Self.day], open: [1], high: [1], low: [1], close: [1], volume: nil)
        let disjoint = BarAlignment.inner.align([("btc", btc), ("late", late)])
        #expect(disjoint.count == 0 && disjoint["late"]?.isEmpty == true)
        #expect(disjoint.dropped == [5, 1])
        #expect(BarAlignment.inner.align([]).count == 0)
    }

    @Test("three series: the intersection of all three")
    func three() throws {
        let (btc, eth) = try readBoth()
        let sol = BarSeries(
            time: [2, 5, 6].map { Self.january1 + ($0 - 1) * Self.day }, open: [1, 2, 3], high: [1, 2, 3],
            low: [1, 2, 3],
            close: [1, 2, 3], volume: [1, 2, 3])
        let aligned = BarAlignment.inner.align([("btc", btc), ("eth", eth), ("sol", sol)])
        #expect(aligned.time == [Self.january1 + Self.day, Self.january1 + 5 * Self.day])
        #expect(aligned["sol"]?.close == [1, 3])
    }
}
