public import SextantStore

/// An error a check caught, seen as the `StoreError` it must be (every store method throws only that).
public struct StoreErrorPattern {
    /// The error as a `StoreError`, nil when the store threw something else (itself a failure).
    public var storeError: StoreError?

    /// Wraps a caught error.
    public init(_ error: any Error) {
        storeError = error as? StoreError
    }

    /// Whether the error is exactly `expected`.
    public func `is`(_ expected: StoreError) -> Bool { storeError == expected }

    /// Whether the error is any `StoreError`.
    public var isStoreError: Bool { storeError != nil }

    /// Whether the error is `invalidRecord`.
    public var isInvalidRecord: Bool {
        if case .invalidRecord = storeError { return true }
        return false
    }
}
