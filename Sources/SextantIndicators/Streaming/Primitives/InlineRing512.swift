/// 512 doubles stored inside the value that owns them, for a stream whose per-bar work is small enough
/// that reaching a heap ring costs a noticeable share of it: a `ContiguousArray` ring costs a runtime
/// uniqueness check and an outlined closure on every update (about 40 instructions), where this costs a
/// pointer to `self`. Copying the owner copies the 4 KiB, which keeps streams values.
///
/// Homogeneous tuples are laid out like C arrays, so the storage is 512 contiguous doubles.
struct InlineRing512: Sendable {
    typealias Eight<Element> = (Element, Element, Element, Element, Element, Element, Element, Element)

    /// The number of doubles.
    static let count = 512

    private var storage: Eight<Eight<Eight<Double>>>

    /// 512 zeros.
    init() {
        let eight: Eight<Double> = (0, 0, 0, 0, 0, 0, 0, 0)
        let sixtyFour = (eight, eight, eight, eight, eight, eight, eight, eight)
        storage = (sixtyFour, sixtyFour, sixtyFour, sixtyFour, sixtyFour, sixtyFour, sixtyFour, sixtyFour)
    }

    /// Calls `body` with a pointer to the first of the 512 doubles, valid only during the call.
    @inline(__always)
    mutating func withBase<Result>(_ body: (UnsafeMutablePointer<Double>) -> Result) -> Result {
        withUnsafeMutableBytes(of: &storage) { bytes in
            guard let base = bytes.baseAddress else { preconditionFailure("a 4 KiB tuple has an address") }
            return body(base.assumingMemoryBound(to: Double.self))
        }
    }
}
