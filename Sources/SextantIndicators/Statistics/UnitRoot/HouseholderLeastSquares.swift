/// Ordinary least squares by Householder QR, for the small dense regressions of the unit-root tests
/// (up to a few thousand rows and a few dozen columns), with all storage allocated once.
///
/// Householder QR is backward stable: unlike the normal equations XᵀX it does not square the
/// condition number, which matters for the ADF design, whose lagged level is nearly collinear with
/// the constant when a price moves little relative to its level. After `factorize`, `response` holds
/// Qᵀy, so for every leading block of k columns the residual sum of squares is the tail
/// `Σ_{i ≥ k} (Qᵀy)ᵢ²` — one factorization serves all the nested models of a lag search — and the
/// last column's t statistic is `(Qᵀy)ₖ₋₁·sign(Rₖ₋₁,ₖ₋₁)/σ`.
struct HouseholderLeastSquares: ~Copyable {
    /// The most rows `factorize` accepts.
    let rowCapacity: Int
    /// The most columns `factorize` accepts.
    let columnCapacity: Int
    /// Column-major design, `rowCapacity` doubles per column (overwritten by the reflectors).
    private let design: UnsafeMutablePointer<Double>
    /// The response y; Qᵀy after `factorize`.
    let response: UnsafeMutablePointer<Double>
    /// A size for each column below which its part outside the span of the earlier columns counts as
    /// zero (times 1e-12); callers set it to the column's norm before any centering.
    let scales: UnsafeMutablePointer<Double>
    /// The diagonal of R.
    private let diagonal: UnsafeMutablePointer<Double>
    /// Residual sums of squares of the leading blocks, `residuals[k]` for k columns.
    private let residuals: UnsafeMutablePointer<Double>
    /// The size of the last factorized problem.
    private(set) var rows = 0
    private(set) var columns = 0

    /// Storage for problems of up to `rows` × `columns`.
    init(rows: Int, columns: Int) {
        rowCapacity = Swift.max(rows, 1)
        columnCapacity = Swift.max(columns, 1)
        design = .allocate(capacity: rowCapacity * columnCapacity)
        response = .allocate(capacity: rowCapacity)
        scales = .allocate(capacity: columnCapacity)
        diagonal = .allocate(capacity: columnCapacity)
        residuals = .allocate(capacity: columnCapacity + 1)
    }

    deinit {
        design.deallocate()
        response.deallocate()
        scales.deallocate()
        diagonal.deallocate()
        residuals.deallocate()
    }

    /// Column `j` of the design, to be filled for rows `0..<rows` before `factorize`.
    @inline(__always)
    func column(_ j: Int) -> UnsafeMutablePointer<Double> { design + j * rowCapacity }

    /// Factorizes the leading `rows` × `columns` block, applies Qᵀ to the response and computes the
    /// residual sums of squares of every leading block. Returns false when the design is numerically
    /// rank deficient (a column's part outside the span of the earlier ones is at most 1e-12 of its
    /// scale) or `rows < columns`.
    mutating func factorize(rows: Int, columns: Int) -> Bool {
        precondition(rows <= rowCapacity && columns <= columnCapacity, "least-squares problem exceeds its storage")
        self.rows = rows
        self.columns = columns
        guard rows >= columns, columns >= 0 else { return false }
        for j in 0..<columns {
            let pivot = column(j)
            var normSquared = 0.0
            for i in j..<rows { normSquared += pivot[i] * pivot[i] }
            let norm = normSquared.squareRoot()
            guard norm > 1e-12 * scales[j], norm > 0 else { return false }
            // The reflector maps the column onto α·e_j with α of the opposite sign to its head, so that
            // u = x − α·e_j never cancels; H = I − uuᵀ/(−α·u_j).
            let alpha = pivot[j] > 0 ? -norm : norm
            let head = pivot[j] - alpha
            pivot[j] = head
            let beta = 1 / (-alpha * head)
            for k in (j + 1)..<(columns + 1) {
                let target = k < columns ? column(k) : response
                var dot = 0.0
                for i in j..<rows { dot += pivot[i] * target[i] }
                let factor = dot * beta
                for i in j..<rows { target[i] -= factor * pivot[i] }
            }
            diagonal[j] = alpha
        }
        var tail = 0.0
        for i in columns..<rows { tail += response[i] * response[i] }
        residuals[columns] = tail
        var k = columns - 1
        while k >= 0 {
            tail += response[k] * response[k]
            residuals[k] = tail
            k -= 1
        }
        return true
    }

    /// The residual sum of squares of the model on the first `k` columns (0 ≤ k ≤ `columns`), from the
    /// last factorization.
    @inline(__always)
    func residualSumOfSquares(columns k: Int) -> Double { residuals[k] }

    /// The t statistic of the last column's coefficient with `degreesOfFreedom` residual degrees of
    /// freedom: `β/(σ·√[(XᵀX)⁻¹]ₖₖ)` with `σ² = RSS/df`; for the last column `β = (Qᵀy)ₖ/Rₖₖ` and
    /// `√[(XᵀX)⁻¹]ₖₖ = 1/|Rₖₖ|`.
    func lastCoefficientT(degreesOfFreedom: Int) -> Double {
        let last = columns - 1
        guard last >= 0, degreesOfFreedom > 0 else { return .nan }
        let sigma = (residuals[columns] / Double(degreesOfFreedom)).squareRoot()
        let coefficient = response[last] / diagonal[last]
        return coefficient / (sigma / Swift.abs(diagonal[last]))
    }
}
