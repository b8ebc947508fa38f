/// Why a call to a venue failed.
public enum VenueError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The venue could not be reached or did not answer in time: whether a placement arrived is
    /// unknown, and the router reconciles before deciding again.
    case unreachable(String)
    /// The venue understood the request and refused it.
    case refused(String)
    /// The venue's answer could not be understood.
    case malformedReply(String)

    public var description: String {
        switch self {
        case .unreachable(let detail): "venue unreachable: \(detail)"
        case .refused(let detail): "venue refused the request: \(detail)"
        case .malformedReply(let detail): "venue reply not understood: \(detail)"
        }
    }
}
