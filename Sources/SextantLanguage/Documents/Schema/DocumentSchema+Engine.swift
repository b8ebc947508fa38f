// The sections of a `kind: engine` file (DSL.md §4).
extension DocumentSchema {
    static let engineFields: [SchemaField] = [
        .required("kind", .words(["engine"]), "The document kind."),
        .optional("name", .text(.label), "The engine's name. Absent: the file's name."),
        .required(
            "strategies", .list(.path(globs: true), count: 1...Int.max),
            "Strategy files to load: paths or glob patterns, relative to this file's folder."),
        .optional("risk", .path(globs: false), "The risk file applied to every order, relative to this file's folder."),
        .optional("venue", .object(venueFields), "Where orders go."),
        .optional("data", .object(dataFields), "Where bars come from."),
        .optional(
            "store", .text(.location(prefixes: ["sqlite:", "postgres://", "postgresql://"], words: [])),
            default: .text("sqlite:var/sextant.sqlite"),
            "Where orders, fills and state are stored: `sqlite:PATH` or `postgres://…`."),
        .optional(
            "bus", .text(.location(prefixes: ["redis://", "rediss://"], words: ["none"])), default: .text("none"),
            "Where events are published: `none` or `redis://HOST:PORT`."),
        .optional(
            "watch", .bool, default: .bool(false), "Reload strategy and risk files when they change (hot reload)."),
    ]

    static let venueFields: [SchemaField] = [
        .required("adapter", .identifier, "`paper` (simulated fills, as in backtests) or the name of a venue adapter."),
        .optional("cash", .number(.nonNegative), "The paper adapter's starting cash."),
        .optional(
            "commission", .number(.nonNegativeOrPercent), default: .number(0),
            "Commission per fill as a fraction of its value: `0.1%` or `0.001`."),
        .optional(
            "credentials", .text(.credentials),
            "Where the venue's keys are: an environment variable name or a key file path outside the repository, never the keys themselves."
        ),
    ]

    static let dataFields: [SchemaField] = [
        .required("feed", .identifier, "`csv`, `postgres`, or a venue's live feed."),
        .optional("path", .path(globs: false), "The CSV file of the csv feed, relative to this file's folder."),
        .optional(
            "pace", .number(.nonNegative), default: .number(0),
            "Seconds of wall time between replayed bars; 0 replays as fast as possible."),
    ]
}
