/// Time as the engine sees it: injectable, so that tests run a day of bars in a millisecond and
/// production waits on the wall clock (the style of Hummingbird's `MockClock`).
public protocol EngineClock: Sendable {
    /// Now, in seconds since the Unix epoch.
    func now() -> Double
    /// Waits `seconds`.
    func sleep(seconds: Double) async throws
}
