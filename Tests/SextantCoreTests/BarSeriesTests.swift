import Testing

@testable import SextantCore

@Suite("BarSeries")
struct BarSeriesTests {
    static let bars = [
        Bar(time: 60, open: 1, high: 2, low: 0.5, close: 1.5, volume: 10),
        Bar(time: 120, open: 1.5, high: 3, low: 1, close: 2.5, volume: 20),
        Bar(time: 300, open: 2.5, high: 2.75, low: 2, close: 2, volume: 5),
    ]

    @Test("rows and columns are two views of the same data")
    func views() {
        let series = BarSeries(Self.bars)
        #expect(series.count == 3)
        #expect(Array(series) == Self.bars)
        #expect(series[1] == Self.bars[1])
        #expect(series.time == [60, 120, 300])
        for field in BarField.allCases {
            #expect(series[field] == Self.bars.map { $0[field] })
            #expect(series.column(field) == series[field])
        }
        #expect(series.hasVolume)
    }

    @Test("index of a time, by binary search")
    func indexOfTime() {
        let series = BarSeries(Self.bars)
        #expect(series.index(ofTime: 60) == 0)
        #expect(series.index(ofTime: 300) == 2)
        #expect(series.index(ofTime: 180) == nil)
        #expect(series.index(ofTime: 0) == nil)
        #expect(series.index(ofTime: 999) == nil)
        #expect(BarSeries().index(ofTime: 60) == nil)
    }

    @Test("selecting keeps the chosen bars in order")
    func selecting() {
        let series = BarSeries(Self.bars)
        #expect(Array(series.selecting([0, 2])) == [Self.bars[0], Self.bars[2]])
        #expect(series.selecting([]).isEmpty)
    }

    @Test("equality is bitwise: a series without volume (NaN) equals itself")
    func equality() {
        let withoutVolume = BarSeries(
            time: [1, 2], open: [1, 2], high: [1, 2], low: [1, 2], close: [1, 2], volume: nil)
        let same = BarSeries(time: [1, 2], open: [1, 2], high: [1, 2], low: [1, 2], close: [1, 2], volume: nil)
        #expect(withoutVolume == same)
        #expect(withoutVolume.hashValue == same.hashValue)
        #expect(!withoutVolume.hasVolume && withoutVolume.volume.allSatisfy(\.isNaN))
        let negativeZero = BarSeries(
            time: [1, 2], open: [-0.0, 2], high: [1, 2], low: [1, 2], close: [1, 2], volume: nil)
        let positiveZero = BarSeries(
            time: [1, 2], open: [0.0, 2], high: [1, 2], low: [1, 2], close: [1, 2], volume: nil)
        #expect(negativeZero != positiveZero)
        #expect(
            withoutVolume
                != BarSeries(time: [1, 2], open: [1, 2], high: [1, 2], low: [1, 2], close: [1, 2], volume: [0, 0]))
    }
}
