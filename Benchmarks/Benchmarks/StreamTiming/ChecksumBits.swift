import SextantIndicators

/// A typed stream's output folded to the 64 bits that the table path folds for the same bar.
///
/// The table path XORs the bit patterns of a bar's output columns: a record's fields are its columns, in
/// any order, and a condition is the column 1 or 0. So `bits` is the XOR of the fields' patterns, and a
/// `Bool`'s is the pattern of 1.0 or 0.0: the two paths' checksums of one builtin agree exactly when its
/// typed stream and its table stream gave the same outputs, which shows that they timed the same stream
/// with the same settings on the same inputs.
protocol ChecksumBits {
    /// The XOR of the bit patterns of every output column this value fills.
    var bits: UInt64 { get }
}

extension Double: ChecksumBits {
    var bits: UInt64 { bitPattern }
}

extension Bool: ChecksumBits {
    var bits: UInt64 { (self ? 1.0 : 0.0).bitPattern }
}

extension MACDStream.Output: ChecksumBits {
    var bits: UInt64 { macd.bitPattern ^ signal.bitPattern ^ hist.bitPattern }
}

extension BBandsStream.Output: ChecksumBits {
    var bits: UInt64 { upper.bitPattern ^ middle.bitPattern ^ lower.bitPattern }
}

extension StochStream.Output: ChecksumBits {
    var bits: UInt64 { k.bitPattern ^ d.bitPattern }
}

extension StochFStream.Output: ChecksumBits {
    var bits: UInt64 { k.bitPattern ^ d.bitPattern }
}

extension AroonStream.Output: ChecksumBits {
    var bits: UInt64 { up.bitPattern ^ down.bitPattern }
}
