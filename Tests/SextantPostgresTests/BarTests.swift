import Foundation
import SextantCore
import SextantPostgres
import SextantStore
import Testing

@Suite struct BarTests {
    static let daily = BarSeriesKey(symbol: "GOOG", timeframe: Timeframe("1d")!)

    /// The repository's sample file, read by the CSV reader: the reference a store round trip must match.
    static func goog() throws -> BarSeries {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        return try CSVBarReader.read(path: root.appendingPathComponent("examples/data/GOOG.csv").path)
    }

    static func synthetic(count: Int, start: Int64 = 1_600_000_000, volume: Bool = true) -> BarSeries {
        let time = (0..<count).map { start + Int64($0) * 60 }
        let close = (0..<count).map { 100 + sin(Double($0) / 10) }
        return BarSeries(
            time: time, open: close.map { $0 - 0.25 }, high: close.map { $0 + 1 }, low: close.map { $0 - 1 },
            close: close, volume: volume ? (0..<count).map { Double($0 % 977) * 10 } : nil)
    }

    @Test func aCSVFileRoundTripsBitForBit() async throws {
        try await PostgresHarness.with { harness in
            let bars = try Self.goog()
            #expect(try await harness.postgres.importBars(bars, into: Self.daily) == bars.count)
            #expect(try await harness.postgres.bars(Self.daily) == bars)
        }
    }

    @Test(arguments: [true, false])
    func volumeIsKeptOrUnknown(hasVolume: Bool) async throws {
        try await PostgresHarness.with { harness in
            let bars = Self.synthetic(count: 500, volume: hasVolume)
            try await harness.postgres.importBars(bars, into: Self.daily)
            let back = try await harness.postgres.bars(Self.daily)
            #expect(back.hasVolume == hasVolume)
            #expect(back == bars)
            let nulls = try await harness.integer("SELECT count(*) FROM bars WHERE volume IS NULL")
            #expect(nulls == (hasVolume ? 0 : 500))
        }
    }

    @Test func importingAgainReplacesInsteadOfDuplicating() async throws {
        try await PostgresHarness.with { harness in
            let store = harness.postgres
            // More than one batch, so the upsert spans several statements of one transaction.
            let bars = Self.synthetic(count: 25_000)
            try await store.importBars(bars, into: Self.daily)
            try await store.importBars(bars, into: Self.daily)
            #expect(try await harness.count("bars") == 25_000)
            // A corrected file overwrites the bars it covers and keeps the others.
            let corrected = Self.synthetic(count: 10, start: bars.time[100])
            try await store.importBars(
                BarSeries(
                    time: corrected.time, open: corrected.open, high: corrected.high, low: corrected.low,
                    close: corrected.close.map { $0 + 1000 }, volume: corrected.volume),
                into: Self.daily)
            let back = try await store.bars(Self.daily)
            #expect(back.count == 25_000)
            #expect(back.close[100] == bars.close[0] + 1000)
            #expect(back.close[99] == bars.close[99])
        }
    }

    @Test func aFailedImportLeavesNothingOfItself() async throws {
        try await PostgresHarness.with { harness in
            let bars = Self.synthetic(count: 25_000)
            let poisoned = bars.time[23_456]
            // The third batch fails on the server: the first two must roll back with it.
            try await harness.execute(
                """
                CREATE FUNCTION refuse_bar() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN IF NEW.time = \(poisoned) THEN RAISE EXCEPTION 'refused bar'; END IF; RETURN NEW; END $$
                """)
            try await harness.execute(
                "CREATE TRIGGER refuse_bar BEFORE INSERT ON bars FOR EACH ROW EXECUTE FUNCTION refuse_bar()")
            await #expect(throws: StoreError.self) {
                try await harness.postgres.importBars(bars, into: Self.daily)
            }
            #expect(try await harness.count("bars") == 0)
        }
    }

    @Test func rangesKeysAndTheListOfSeries() async throws {
        try await PostgresHarness.with { harness in
            let store = harness.postgres
            let bars = Self.synthetic(count: 100)
            let hourly = BarSeriesKey(symbol: "GOOG", timeframe: Timeframe("60m")!)
            #expect(hourly.description == "GOOG@1h")
            try await store.importBars(bars, into: hourly)
            try await store.importBars(Self.synthetic(count: 7), into: Self.daily)
            // `1h` and `60m` are one series.
            #expect(try await store.bars(BarSeriesKey(symbol: "GOOG", timeframe: Timeframe("1h")!)) == bars)
            let slice = try await store.bars(hourly, in: bars.time[10]...bars.time[19])
            #expect(slice == bars.selecting(Array(10...19)))
            #expect(try await store.bars(BarSeriesKey(symbol: "MSFT", timeframe: Timeframe("1h")!)).count == 0)
            #expect(
                try await store.barSeries() == [
                    BarSeriesSummary(key: hourly, count: 100, first: bars.time[0], last: bars.time[99]),
                    BarSeriesSummary(key: Self.daily, count: 7, first: bars.time[0], last: bars.time[6]),
                ])
        }
    }

    @Test(arguments: [
        ("GOOG@1d", "GOOG@1d"), ("BTC-USD@15m", "BTC-USD@15m"), ("ES@240m", "ES@4h"), ("a@b@1w", "a@b@1w"),
    ])
    func keysParse(text: String, shown: String) {
        #expect(BarSeriesKey(parsing: text)?.description == shown)
    }

    @Test(arguments: ["GOOG", "@1d", "GOOG@", "GOOG@1x", "GOOG@0m", "GO OG@1d"])
    func malformedKeysAreRejected(text: String) {
        #expect(BarSeriesKey(parsing: text) == nil)
    }
}
