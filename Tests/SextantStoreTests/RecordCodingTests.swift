import Foundation
import SextantStore
import SextantStoreConformance
import Testing

@Suite struct RecordCodingTests {
    @Test func timesAndDecisionsEncodeAsBareValues() throws {
        let event = RiskEventRecord(
            id: 7, time: EpochMilliseconds(1_700_000_000_123), strategy: "s", symbol: nil, rule: "r",
            decision: .haltEntries, reason: "why")
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        let json = String(decoding: try encoder.encode(event), as: UTF8.self)
        #expect(
            json == #"{"decision":"halt_entries","id":7,"reason":"why","rule":"r","strategy":"s","time":1700000000123}"#
        )
        #expect(try JSONDecoder().decode(RiskEventRecord.self, from: Data(json.utf8)) == event)
    }

    @Test func ordersRoundTripThroughJSON() throws {
        let order = Samples.order("A", kind: .stopLimit, limitPrice: 10, stopPrice: 11)
        let decoded = try JSONDecoder().decode(OrderRecord.self, from: JSONEncoder().encode(order))
        #expect(decoded == order)
    }

    @Test(arguments: [(Int64(1_500), Int64(1)), (0, 0), (-1, -1), (-1000, -1), (-1001, -2)])
    func secondsRoundDown(milliseconds: Int64, seconds: Int64) {
        #expect(EpochMilliseconds(milliseconds).seconds == seconds)
    }

    @Test func stateRawValuesAreTheStoredTexts() {
        #expect(OrderRecord.State.partiallyFilled.rawValue == "partially_filled")
        #expect(OrderRecord.Kind.stopLimit.rawValue == "stop_limit")
        #expect(RunRecord.Mode.dryRun.rawValue == "dry_run")
        #expect(OrderRecord.State.open == [.new, .acknowledged, .partiallyFilled])
    }
}
