extension CSVBarReader {
    /// How strictly a bar file is read.
    public struct Options: Sendable, Hashable {
        /// Also reject bars whose prices contradict each other: high below low, open or close; low
        /// above open or close; negative volume. Off by default because real feeds carry such glitches
        /// (an off-exchange print, a late correction) and a backtest should see the data as it is;
        /// turn it on to audit a data set.
        public var validate: Bool
        /// How many errors one read collects before it stops (at least 1).
        public var maxErrors: Int

        /// Creates options; the defaults read any well-formed file and report up to 20 errors.
        public init(validate: Bool = false, maxErrors: Int = 20) {
            self.validate = validate
            self.maxErrors = max(1, maxErrors)
        }
    }
}
