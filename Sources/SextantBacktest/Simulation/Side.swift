extension Bool {
    /// `long` or `short`, for records.
    var sideName: String { self ? "long" : "short" }
}
