/// One column of a bar series.
public enum BarField: String, Sendable, Hashable, CaseIterable, Codable {
    case open
    case high
    case low
    case close
    case volume
}
