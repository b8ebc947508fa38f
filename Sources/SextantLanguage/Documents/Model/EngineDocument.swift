/// A `kind: engine` file (DSL.md §4): what the engine loads and where it trades, stores and publishes.
public struct EngineDocument: Sendable {
    /// `venue:`.
    public struct Venue: Sendable {
        /// `adapter:` (`paper` or a venue adapter name).
        public var adapter: Located<String>
        /// `cash:` for the paper adapter.
        public var cash: Located<Double>?
        /// `commission:` as a fraction (`0.1%` → 0.001).
        public var commission: Located<Double>?
        /// `credentials:`, the name of an environment variable or a file path outside the repository
        /// holding the venue's keys. Strategy and engine files never hold secrets themselves.
        public var credentials: Located<String>?

        /// Creates a venue.
        public init(adapter: Located<String>) {
            self.adapter = adapter
        }
    }

    /// `data:`.
    public struct DataFeed: Sendable {
        /// `feed:` (`csv`, `postgres`, or a venue).
        public var feed: Located<String>
        /// `path:` for the csv feed.
        public var path: Located<String>?
        /// `pace:`, wall time between replayed bars (seconds).
        public var pace: Located<Double>?

        /// Creates a feed.
        public init(feed: Located<String>) {
            self.feed = feed
        }
    }

    /// The file it was loaded from.
    public var file: SourceFile
    /// `name:` (defaults to the file name).
    public var name: Located<String>?
    /// `strategies:`, paths or glob patterns relative to the engine file's directory.
    public var strategies: [Located<String>]
    /// `risk:`, a path to a risk file.
    public var risk: Located<String>?
    /// `venue:`.
    public var venue: Venue?
    /// `data:`.
    public var data: DataFeed?
    /// `store:` (`sqlite:var/sextant.sqlite` by default; `postgres://…` in production).
    public var store: Located<String>?
    /// `bus:` (`none` by default, or `redis://…`).
    public var bus: Located<String>?
    /// `watch:`, hot reload of strategy and risk files.
    public var watch: Located<Bool>?

    /// Creates an engine document with every section absent.
    public init(file: SourceFile) {
        self.file = file
        self.strategies = []
    }
}
