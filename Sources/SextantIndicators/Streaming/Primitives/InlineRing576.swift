/// 576 doubles stored inside the value that owns them, for a stream whose per-bar work is small enough
/// that reaching a heap ring costs a noticeable share of it: a `ContiguousArray` ring costs a runtime
/// uniqueness check and an outlined closure on every update (about 40 instructions), where this costs a
/// pointer to `self`. Copying the owner copies the 4.5 KiB, which keeps streams values.
///
/// Homogeneous tuples are laid out like C arrays, and the two parts are both arrays of doubles, so the
/// storage is 576 contiguous doubles (`HTTrendlineStream`'s 64 slots of 8 and its 64 reciprocals).
struct InlineRing576: Sendable {
    typealias Eight<Element> = (Element, Element, Element, Element, Element, Element, Element, Element)

    /// The number of doubles.
    static let count = 576

    private var storage: (Eight<Eight<Eight<Double>>>, Eight<Eight<Double>>)

    /// 576 zeros.
    init() {
        let eight: Eight<Double> = (0, 0, 0, 0, 0, 0, 0, 0)
        let sixtyFour = (eight, eight, eight, eight, eight, eight, eight, eight)
        storage = ((sixtyFour, sixtyFour, sixtyFour, sixtyFour, sixtyFour, sixtyFour, sixtyFour, sixtyFour), sixtyFour)
    }

    /// Calls `body` with a pointer to the first of the 576 doubles, valid only during the call.
    @inline(__always)
    mutating func withBase<Result>(_ body: (UnsafeMutablePointer<Double>) -> Result) -> Result {
        withUnsafeMutableBytes(of: &storage) { bytes in
            guard let base = bytes.baseAddress else { preconditionFailure("a 4.5 KiB tuple has an address") }
            return body(base.assumingMemoryBound(to: Double.self))
        }
    }
}
