internal import Foundation

extension RiskEventRecord {
    /// Throws `StoreError.invalidRecord` unless the event can be stored: in particular `details` must be
    /// JSON, since dashboards and Postgres (`jsonb`) parse it.
    package func validate() throws(StoreError) {
        try RecordCheck.nonEmpty(rule, "a risk event's rule")
        try RecordCheck.nonEmpty(decision.rawValue, "a risk event's decision")
        guard let details else { return }
        let isJSON = (try? JSONSerialization.jsonObject(with: Data(details.utf8), options: .fragmentsAllowed)) != nil
        guard isJSON else {
            throw StoreError.invalidRecord("risk event \(rule): details are not valid JSON: \(details.prefix(80))")
        }
    }
}
