import Foundation
import SextantCore

/// The heartbeat key's value: a JSON object saying which engine, which process, when, whether it is
/// leader, and a sequence number that grows by one per beat (so a reader sees it being refreshed).
struct HeartbeatRecord {
    var engine: String
    var processID: Int32
    var time: Date
    var leader: Bool
    var sequence: Int

    /// `{"engine":"e1","pid":4242,"time":"2026-05-01T12:00:00Z","leader":true,"sequence":7}`.
    var json: String {
        let seconds = Int64(time.timeIntervalSince1970.rounded(.down))
        return "{\"engine\":\(JSONLiteral.string(engine)),\"pid\":\(processID),"
            + "\"time\":\(JSONLiteral.string(UTCTime.iso8601(seconds, dateOnly: false))),"
            + "\"leader\":\(leader),\"sequence\":\(sequence)}"
    }
}
