/// The arguments of a call as the parser collects them.
struct CallArguments {
    /// The arguments so far.
    var list: [Argument] = []
    /// The deepest argument's depth.
    var depth = 0
    /// The token index of the first argument label, or -1 before any.
    var firstLabel = -1
}
