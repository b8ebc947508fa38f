// Builds an `EngineDocument` from a validated `kind: engine` file.
extension DocumentLoader {
    static func engine(from root: SchemaMapping, file: SourceFile, into diagnostics: inout DiagnosticBag)
        -> EngineDocument
    {
        var document = EngineDocument(file: file)
        document.name = root["name"]?.text
        document.strategies = (root["strategies"]?.list ?? []).compactMap(\.text)
        document.risk = root["risk"]?.text
        if let venue = root["venue"]?.mapping, let adapter = venue["adapter"]?.text {
            var section = EngineDocument.Venue(adapter: adapter)
            section.cash = venue["cash"]?.number
            section.commission = venue["commission"]?.number
            section.credentials = venue["credentials"]?.text
            document.venue = section
        }
        if let data = root["data"]?.mapping, let feed = data["feed"]?.text {
            var section = EngineDocument.DataFeed(feed: feed)
            section.path = data["path"]?.text
            section.pace = data["pace"]?.number
            if feed.value == "csv", section.path == nil {
                diagnostics.report(
                    Diagnostic(
                        .missingKey, "the csv feed needs `path:`, the CSV file to replay", at: feed.span,
                        suggestion: "add `path: examples/data/GOOG.csv` (relative to this file's folder)"))
            }
            document.data = section
        }
        document.store = root["store"]?.text
        document.bus = root["bus"]?.text
        document.watch = root["watch"]?.bool
        return document
    }
}
