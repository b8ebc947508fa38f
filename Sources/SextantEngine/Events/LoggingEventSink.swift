public import Logging

/// Turns the events an operator must see — errors, reloads, risk halts and refusals — into swift-log
/// records with the event's fields as metadata (`sextant run` logs them to standard error). Bars,
/// signals, orders and fills stay on the event stream only: one line per bar per strategy would drown
/// the log.
///
/// Levels: `error` events are errors; a rejected reload and a risk halt are warnings; an accepted
/// reload and a refused order are notices (info for the rest). Field values never include secrets:
/// events carry none.
public struct LoggingEventSink: EventSink {
    let logger: Logger

    /// A sink logging through `logger`.
    public init(logger: Logger = Logger(label: "sextant.engine")) {
        self.logger = logger
    }

    public func emit(_ event: EngineEvent) {
        let level: Logger.Level
        let message: String
        switch event.kind {
        case .error:
            level = .error
            message = Self.text(event["message"]) ?? "error"
        case .reload:
            let status = Self.text(event["status"]) ?? ""
            level = status == "rejected" ? .warning : .notice
            message = "reload \(status): \(Self.text(event["file"]) ?? "")"
        case .risk:
            let decision = Self.text(event["decision"]) ?? ""
            level = decision == "halt" ? .warning : .info
            message = "risk \(decision): \(Self.text(event["rule"]) ?? "")"
        case .bar, .signal, .order, .fill:
            return
        }
        var metadata: Logger.Metadata = ["time": "\(event.time)"]
        if let strategy = event.strategy { metadata["strategy"] = "\(strategy)" }
        if let symbol = event.symbol { metadata["symbol"] = "\(symbol)" }
        for (name, value) in event.fields where name != "message" {
            switch value {
            case .string(let text): metadata[name] = "\(text)"
            case .number(let number): metadata[name] = "\(number)"
            case .bool(let flag): metadata[name] = "\(flag)"
            case .json(let json): metadata[name] = "\(json)"
            }
        }
        logger.log(level: level, "\(message)", metadata: metadata)
    }

    private static func text(_ value: EngineEvent.Value?) -> String? {
        if case .string(let text) = value { return text }
        return nil
    }
}
