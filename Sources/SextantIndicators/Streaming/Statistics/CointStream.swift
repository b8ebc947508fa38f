/// Rolling Engle–Granger cointegration p-value, one bar at a time: the streaming twin of `Coint`'s
/// p-value column (`coint_pvalue`).
///
/// State: both windows in `StreamWindow`s and the batch kernel's `Coint.Workspace` (residuals and the
/// ADF engine), allocated in `init`. The batch kernel reruns the regression and the residual test on
/// every window, so the stream runs the same workspace on the same values: O(length²) per bar, as the
/// batch.
public struct CointStream: PairStream {
    /// The window length.
    public let length: Int
    private var windowA: StreamWindow
    private var windowB: StreamWindow
    private var workspace: CointWorkspaceBox

    /// The `length`-bar cointegration p-value of the first series on the second; `length` below
    /// `Coint.minimumLength` gives NaN on every bar.
    public init(length: Int) {
        self.length = length
        windowA = StreamWindow(capacity: length)
        windowB = StreamWindow(capacity: length)
        workspace = CointWorkspaceBox(capacity: length)
    }

    /// `Coint.lookback(length:)`.
    public var lookback: Int { Coint.lookback(length: length) }

    /// The p-value of the windows ending at this bar; NaN during the warm-up, when either input is NaN
    /// and where the test is undefined (a flat window).
    public mutating func update(_ first: Double, _ second: Double) -> Double {
        guard !(first.isNaN || second.isNaN) else {
            reset()
            return .nan
        }
        guard length >= Coint.minimumLength else { return .nan }
        windowA.push(first)
        windowB.push(second)
        guard windowA.isFull else { return .nan }
        // A copy of the stream shares the workspace until one side runs it: that side takes its own.
        if !isKnownUniquelyReferenced(&workspace) { workspace = CointWorkspaceBox(capacity: length) }
        let (count, box, windowB) = (length, workspace, windowB)
        let result = windowA.withWindow { a in
            windowB.withWindow { b in box.workspace.test(a, b, count: count) }
        }
        return result?.pValue ?? .nan
    }

    /// Forgets every bar seen (the workspace keeps no state between windows).
    public mutating func reset() {
        windowA.reset()
        windowB.reset()
    }
}

/// The cointegration workspace (non-copyable scratch) in a reference, so a stream stays a copyable
/// value.
///
/// `@unchecked Sendable`: the workspace is only run through a stream that holds the sole reference
/// (the stream replaces a shared box before use), so no two threads ever touch one box.
final class CointWorkspaceBox: @unchecked Sendable {
    var workspace: Coint.Workspace

    init(capacity: Int) { workspace = Coint.Workspace(capacity: capacity) }
}
