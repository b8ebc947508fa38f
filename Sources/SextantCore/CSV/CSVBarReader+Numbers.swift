extension CSVBarReader {
    /// The longest number field accepted, in bytes. The shortest representation of any `Double` takes at
    /// most 24 characters and an exact decimal expansion of one far more, but no price feed writes
    /// hundreds of digits; the limit keeps a corrupt multi-megabyte field from reaching `strtod`.
    static let maximumNumberLength = 255

    /// 10^0 … 10^22: every power of ten that a `Double` holds exactly (5^22 < 2^53).
    static let powersOfTen: [Double] = [
        1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18,
        1e19, 1e20, 1e21, 1e22,
    ]

    /// 10^0 … 10^19 as integers: every power of ten a UInt64 holds.
    static let integerPowersOfTen: [UInt64] = [
        1, 10, 100, 1000, 10_000, 100_000, 1_000_000, 10_000_000, 100_000_000, 1_000_000_000,
        10_000_000_000, 100_000_000_000, 1_000_000_000_000, 10_000_000_000_000, 100_000_000_000_000,
        1_000_000_000_000_000, 10_000_000_000_000_000, 100_000_000_000_000_000, 1_000_000_000_000_000_000,
        10_000_000_000_000_000_000,
    ]

    /// Scans a decimal number starting at `start`: `[+-]? (digits [. digits?] | . digits) ([eE] [+-]? digits)?`.
    ///
    /// Returns the value and the first byte after the number, or nil when no number starts at `start`
    /// or it is longer than `maximumNumberLength`. The value equals `Double(String)` of the same text bit
    /// for bit; it is infinite when the number is too large for a `Double` (the caller reports that).
    ///
    /// When the decimal mantissa fits in 53 bits and the power of ten is at most 22 in magnitude, both
    /// are exact doubles and one IEEE multiplication or division rounds correctly (Clinger 1990); that
    /// covers prices and volumes as feeds write them. Anything else goes to `Double(String)` (glibc's
    /// or Darwin's correctly rounded `strtod_l` in the C locale), which is slow but rarely needed.
    @inline(__always)
    static func scanNumber(
        from start: UnsafePointer<UInt8>, to end: UnsafePointer<UInt8>
    ) -> (value: Double, stop: UnsafePointer<UInt8>)? {
        var cursor = start
        var negative = false
        if cursor < end, cursor.pointee == UInt8(ascii: "-") || cursor.pointee == UInt8(ascii: "+") {
            negative = cursor.pointee == UInt8(ascii: "-")
            cursor += 1
        }
        // Up to 19 significant digits always fit in a UInt64; later ones only shift the exponent, and
        // `inexact` records whether a non-zero digit was dropped (then only strtod can round right).
        var mantissa: UInt64 = 0
        var significant = 0
        var exponent = 0
        var inexact = false
        var digits = 0
        while cursor < end {
            let digit = cursor.pointee &- UInt8(ascii: "0")
            if digit > 9 { break }
            if significant < 19 {
                mantissa = mantissa &* 10 &+ UInt64(digit)
                if mantissa != 0 { significant += 1 }
            } else {
                exponent += 1
                inexact = inexact || digit != 0
            }
            digits += 1
            cursor += 1
        }
        if cursor < end, cursor.pointee == UInt8(ascii: ".") {
            cursor += 1
            while cursor < end {
                let digit = cursor.pointee &- UInt8(ascii: "0")
                if digit > 9 { break }
                if significant < 19 {
                    mantissa = mantissa &* 10 &+ UInt64(digit)
                    if mantissa != 0 { significant += 1 }
                    exponent -= 1
                } else {
                    inexact = inexact || digit != 0
                }
                digits += 1
                cursor += 1
            }
        }
        guard digits > 0 else { return nil }
        if cursor < end, cursor.pointee | 0x20 == UInt8(ascii: "e") {
            cursor += 1
            var exponentNegative = false
            if cursor < end, cursor.pointee == UInt8(ascii: "-") || cursor.pointee == UInt8(ascii: "+") {
                exponentNegative = cursor.pointee == UInt8(ascii: "-")
                cursor += 1
            }
            var written = 0
            var exponentDigits = 0
            while cursor < end {
                let digit = cursor.pointee &- UInt8(ascii: "0")
                if digit > 9 { break }
                // Saturate: beyond ±100000 every result is 0 or infinite anyway.
                if written < 100_000 { written = written * 10 + Int(digit) }
                exponentDigits += 1
                cursor += 1
            }
            guard exponentDigits > 0 else { return nil }
            exponent += exponentNegative ? -written : written
        }
        guard cursor - start <= maximumNumberLength else { return nil }
        if !inexact {
            if mantissa == 0 { return (negative ? -0.0 : 0.0, cursor) }
            if mantissa <= 1 << 53 {
                var value: Double?
                if exponent >= 0 && exponent <= 22 {
                    value = Double(mantissa) * powersOfTen[exponent]
                } else if exponent < 0 && exponent >= -22 {
                    value = Double(mantissa) / powersOfTen[-exponent]
                } else if exponent > 22 && exponent <= 22 + 15 {
                    // 1234e25 = 1234000e22: exact while the grown mantissa still fits in 53 bits.
                    let (grown, overflow) = mantissa.multipliedReportingOverflow(
                        by: integerPowersOfTen[exponent - 22])
                    if !overflow && grown <= 1 << 53 { value = Double(grown) * 1e22 }
                }
                if let value { return (negative ? -value : value, cursor) }
            } else if exponent >= -19 && exponent <= 19 {
                let value = wideDouble(mantissa, exponent: exponent)
                return (negative ? -value : value, cursor)
            }
        }
        return (slowDouble(from: start, to: cursor), cursor)
    }

    /// The correctly rounded value of `mantissa × 10^exponent` for a mantissa wider than 53 bits (16 to
    /// 19 digits: prices written by float32-to-float64 conversions or with full precision), where
    /// Clinger's path does not apply, by exact integer arithmetic: a 128-bit product or a 128-by-64-bit
    /// division gives at least 62 significant bits and an exact remainder, which decide the rounding
    /// (to nearest, ties to even) without error.
    ///
    /// - Precondition: `mantissa > 2^53` and `|exponent| ≤ 19` (10^19 is the largest power in a UInt64).
    @inline(__always)
    static func wideDouble(_ mantissa: UInt64, exponent: Int) -> Double {
        let power = integerPowersOfTen[Int(exponent.magnitude)]
        if exponent >= 0 {
            let (high, low) = mantissa.multipliedFullWidth(by: power)
            if high == 0 { return rounded(low, sticky: false, binaryExponent: 0) }
            // Keep the top 64 bits of the product; the bits shifted out only matter as a sticky bit.
            let shift = UInt64(high.leadingZeroBitCount)
            let top = shift == 0 ? high : (high << shift) | (low >> (64 - shift))
            let sticky = (low << shift) != 0
            return rounded(top, sticky: sticky, binaryExponent: 64 - Int(shift))
        }
        // Scale the dividend so that the quotient has 63 or 64 bits: q = ⌊mantissa · 2^s / power⌋.
        let scale = 64 - (64 - mantissa.leadingZeroBitCount) + (64 - power.leadingZeroBitCount) - 1
        let dividend: (high: UInt64, low: UInt64) =
            scale == 0
            ? (0, mantissa) : (scale >= 64 ? mantissa << (scale - 64) : mantissa >> (64 - scale), mantissa << scale)
        let (quotient, remainder) = power.dividingFullWidth(dividend)
        return rounded(quotient, sticky: remainder != 0, binaryExponent: -scale)
    }

    /// `(value + sticky·ε) × 2^binaryExponent` rounded to a `Double` (to nearest, ties to even), for a
    /// value that lands in the normal range; `sticky` says whether non-zero bits lie below `value`.
    @inline(__always)
    private static func rounded(_ value: UInt64, sticky: Bool, binaryExponent: Int) -> Double {
        let width = 64 - value.leadingZeroBitCount
        if width <= 53 { return Double(value) }  // exact; only products below 2^64 get here, with exponent 0
        var dropped = width - 53
        var significand = value >> UInt64(dropped)
        let rest = value & ((1 << UInt64(dropped)) - 1)
        let half: UInt64 = 1 << UInt64(dropped - 1)
        if rest > half || (rest == half && (sticky || significand & 1 == 1)) { significand += 1 }
        if significand == 1 << 53 {  // the rounding carried into a 54th bit
            significand >>= 1
            dropped += 1
        }
        // significand · 2^(binaryExponent + dropped), with significand in [2^52, 2^53): a normal double
        // (the callers' values lie between 1e-4 and 1e39) whose bits can be assembled directly.
        let biased = UInt64(binaryExponent + dropped + 52 + 1023)
        return Double(bitPattern: biased << 52 | (significand & ((1 << 52) - 1)))
    }

    /// `Double(String)` of bytes already checked to be a decimal number (so it cannot fail; the
    /// fallback value only satisfies the type checker).
    @inline(never)
    static func slowDouble(from start: UnsafePointer<UInt8>, to end: UnsafePointer<UInt8>) -> Double {
        let text = String(decoding: UnsafeBufferPointer(start: start, count: end - start), as: UTF8.self)
        return Double(text) ?? .nan
    }

    /// Converts a field's whole text (without spaces or quotes) to a finite number, or explains why it
    /// is not one.
    static func number(
        from start: UnsafePointer<UInt8>, to end: UnsafePointer<UInt8>, field: String
    ) -> Result<Double, CSVFieldProblem> {
        if end - start > maximumNumberLength {
            return .failure(
                CSVFieldProblem(
                    kind: .invalidNumber,
                    message:
                        "number '\(display(start, end))' in the '\(field)' field is too long: \(end - start) characters, "
                        + "at most \(maximumNumberLength)"))
        }
        if let (value, stop) = scanNumber(from: start, to: end), stop == end {
            if value.isFinite { return .success(value) }
            return .failure(
                CSVFieldProblem(
                    kind: .numberOutOfRange,
                    message: "number '\(display(start, end))' in the '\(field)' field is too large for a Double"))
        }
        if let problem = invalidCharacter(start, end, field: field) { return .failure(problem) }
        let text = display(start, end)
        let lowercased = text.lowercased()
        let unsigned =
            lowercased.hasPrefix("-") || lowercased.hasPrefix("+") ? String(lowercased.dropFirst()) : lowercased
        let reason: String
        if ["nan", "inf", "infinity", "na", "n/a", "null", "none"].contains(unsigned) {
            reason = "missing and infinite values are not accepted; remove the row or fill in the value"
        } else if unsigned.hasPrefix("0x") {
            reason = "hexadecimal numbers are not accepted"
        } else if lowercased.contains(",") {
            reason = "thousands separators are not accepted (and the decimal separator is '.')"
        } else {
            reason = "expected a decimal number such as 12, -0.5 or 1.5e3"
        }
        return .failure(
            CSVFieldProblem(
                kind: .invalidNumber, message: "invalid number '\(text)' in the '\(field)' field: \(reason)"))
    }

    /// Parses a whole string as a number field would be (no spaces, no quotes): nil unless all of
    /// `text` is one finite decimal number. For tests and tools; the reader works on bytes.
    static func parseNumber(_ text: String) -> Double? {
        var text = text
        return text.withUTF8 { bytes -> Double? in
            guard let base = bytes.baseAddress else { return nil }
            guard let (value, stop) = scanNumber(from: base, to: base + bytes.count),
                stop == base + bytes.count, value.isFinite
            else { return nil }
            return value
        }
    }
}
