/// The expression parser's state: the tokens, the cursor, and what error recovery needs.
///
/// Precedence climbing over the grammar of `Grammar/expression.ebnf`, split by grammar area like
/// swift-syntax's `SwiftParser`: this file holds the cursor, spans, reporting and the depth guard,
/// `Parser+Expressions.swift` the operator levels, `Parser+Primary.swift` postfix and primary
/// expressions, `Parser+Calls.swift` argument lists, `Parser+Recovery.swift` closing
/// delimiters and leftover tokens, and `Parser+Messages.swift` the wording of every diagnostic.
///
/// The recursive functions keep their stack frames small, so that `maximumDepth` levels fit on a
/// 512 KB thread stack even in debug builds (where every temporary of a function takes its own
/// stack slot): finished subtrees go on `values` instead of being returned, tokens are passed by
/// index, and every message and non-recursive step is in an `@inline(never)` helper.
///
/// Termination and bounds, which hold for every input:
/// - every loop consumes a token per iteration or exits, and `advance()` never passes `.end`;
/// - every recursive call goes one `level` deeper, and `canNest(_:at:)` refuses to go past
///   `ExpressionParser.maximumDepth`, so recursion is bounded whatever the input;
/// - every node is checked by `node(_:range:depth:level:at:)`, so no tree is deeper than the limit,
///   even for operator or postfix chains that the parser builds in a loop.
struct Parser {
    let source: ExpressionSource
    let bytes: [UInt8]
    let tokens: [Token]
    var index = 0
    var diagnostics: DiagnosticBag
    /// Whether E0208 was reported: one report per expression is enough, and the nodes that stay
    /// too deep after the first one are replaced silently.
    var depthReported = false
    /// The open `(` and `[` tokens, innermost last, to tell which opener a mismatched closer belongs to.
    var openDelimiters: [Token] = []
    /// Finished subtrees, innermost last. Every parsing function pushes exactly one node, and the
    /// function that builds a parent pops its children.
    var values: [ParsedNode] = []

    init(source: ExpressionSource, bytes: [UInt8], tokens: [Token], diagnostics: DiagnosticBag) {
        self.source = source
        self.bytes = bytes
        self.tokens = tokens
        self.diagnostics = diagnostics
    }

    // MARK: Cursor

    /// The token under the cursor (`.end` once everything is consumed).
    var current: Token { tokens[index] }

    /// The kind of the token under the cursor. The recursive parsing functions use this rather
    /// than `current`, whose copy would take a stack slot in each of their frames in debug builds.
    var currentKind: TokenKind { tokens[index].kind }

    /// The kind of the token `offset` places after the cursor (`.end` past the last).
    func peekKind(_ offset: Int) -> TokenKind {
        let target = index + offset
        return target < tokens.count ? tokens[target].kind : .end
    }

    /// The last consumed token, if any.
    var previous: Token? { index > 0 ? tokens[index - 1] : nil }

    /// Consumes the current token and returns it; stays on `.end`.
    @discardableResult
    mutating func advance() -> Token {
        let token = tokens[index]
        if token.kind != .end { index += 1 }
        return token
    }

    /// Consumes the current token and returns its index; stays on `.end`.
    mutating func consume() -> Int {
        let consumed = index
        if tokens[index].kind != .end { index += 1 }
        return consumed
    }

    /// The end of the last consumed token: where a missing token "should have been".
    var previousEnd: Int { previous?.range.upperBound ?? 0 }

    // MARK: Text and spans

    /// The source text of a token.
    func text(_ token: Token) -> String { String(decoding: bytes[token.range], as: UTF8.self) }

    /// A token as shown in a message: its text in backticks, shortened, or "the end of the expression".
    func describe(_ token: Token) -> String {
        token.kind == .end ? "the end of the expression" : "`\(Lexer.excerpt(bytes, token.range))`"
    }

    /// Short source text of a value range for a suggestion, or nil when it is too long to be useful.
    func snippet(_ range: Range<Int>) -> String? {
        guard range.count <= 40, !range.isEmpty else { return nil }
        return String(decoding: bytes[range], as: UTF8.self)
    }

    /// The file span of value bytes. An empty range is a point: it is placed right after the byte
    /// before it, so that "missing operand after `+`" points just after the `+` even when escapes or
    /// folded lines separate it from the next byte in the file.
    func span(_ range: Range<Int>) -> SourceSpan {
        guard range.isEmpty else { return source.span(range) }
        let offset = range.lowerBound
        guard offset > 0 else { return source.span(0..<0) }
        return source.span(offset - 1..<offset).endPoint
    }

    /// The point just after the last consumed token.
    var pointAfterPrevious: Range<Int> { previousEnd..<previousEnd }

    /// `lower..<upper`, or an empty range at `lower` if `upper` is before it (a missing part
    /// ends where it was expected, which can be before the token the cursor is on).
    func cover(_ lower: Int, _ upper: Int) -> Range<Int> { lower..<max(lower, upper) }

    // MARK: Nodes

    /// Pushes a finished subtree.
    mutating func push(_ node: ParsedNode) { values.append(node) }

    /// Pops the last finished subtree. The stack is never empty when a parsing function pops (each
    /// pushes exactly one node); the fallback only keeps a bug from becoming a crash.
    mutating func pop() -> ParsedNode {
        assert(!values.isEmpty, "every parsing function pushes exactly one node")
        return values.popLast() ?? invalid(pointAfterPrevious)
    }

    /// The last finished subtree, without popping it.
    var top: ParsedNode? { values.last }

    /// A leaf node.
    func leaf(_ kind: Expr.Kind, _ range: Range<Int>) -> ParsedNode {
        ParsedNode(expr: Expr(kind, span: span(range)), range: range, depth: 1)
    }

    /// An `.invalid` placeholder for a part that could not be parsed (already diagnosed).
    func invalid(_ range: Range<Int>) -> ParsedNode { leaf(.invalid, range) }

    /// An inner node built at `level`; replaced by `.invalid` (and reported, once) when it would make
    /// the tree deeper than `ExpressionParser.maximumDepth`. `tokens[tokenIndex]` adds the level.
    mutating func node(_ kind: Expr.Kind, range: Range<Int>, depth: Int, level: Int, at tokenIndex: Int) -> ParsedNode {
        guard level + depth <= ExpressionParser.maximumDepth else {
            reportTooDeep(at: tokenIndex)
            return invalid(range)
        }
        return ParsedNode(expr: Expr(kind, span: span(range)), range: range, depth: depth)
    }

    // MARK: Depth

    /// True when a child can still be parsed one level below `level`. When it cannot, reports E0208
    /// at `tokens[tokenIndex]` (the one that opens the nesting); the caller then skips the nested
    /// part with `skipNested` and stands an `.invalid` node in for the whole construct.
    mutating func canNest(_ level: Int, at tokenIndex: Int) -> Bool {
        // The child sits at `level + 1` and is at least one level deep itself.
        if level + 2 <= ExpressionParser.maximumDepth { return true }
        reportTooDeep(at: tokenIndex)
        return false
    }

    @inline(never)
    mutating func reportTooDeep(at tokenIndex: Int) {
        guard !depthReported else { return }
        depthReported = true
        report(
            .nestingTooDeep, "the expression nests deeper than \(ExpressionParser.maximumDepth) levels",
            at: tokens[tokenIndex].range, suggestion: "split it into named parts under `let:`")
    }

    /// After `canNest` refused: skips the construct that starts at `tokens[first]` and pushes the
    /// `.invalid` node that stands in for it.
    @inline(never)
    mutating func skipRefused(from first: Int, openIfs: Int = 0) {
        push(invalid(skipNested(from: tokens[first].range.lowerBound, openIfs: openIfs)))
    }

    /// Consumes tokens up to the end of the construct the cursor is in: the next `)`, `]` or `,`
    /// outside any brackets opened while skipping, or a `then`/`else` that no skipped `if` owns, or
    /// the end. Used only after E0208, so nothing inside is parsed (or diagnosed) and the time is
    /// linear. Returns the range from `start` to the end of the last skipped token.
    mutating func skipNested(from start: Int, openIfs: Int = 0) -> Range<Int> {
        var brackets = 0
        var ifs = openIfs
        var end = max(start, previousEnd)
        loop: while true {
            switch current.kind {
            case .end:
                break loop
            case .leftParen, .leftBracket:
                brackets += 1
            case .rightParen, .rightBracket:
                if brackets == 0 { break loop }
                brackets -= 1
            case .comma:
                if brackets == 0 { break loop }
            case .ifKeyword:
                if brackets == 0 { ifs += 1 }
            case .thenKeyword:
                if brackets == 0, ifs == 0 { break loop }
            case .elseKeyword:
                if brackets == 0 {
                    if ifs == 0 { break loop }
                    ifs -= 1
                }
            default:
                break
            }
            end = advance().range.upperBound
        }
        return start..<end
    }

    // MARK: Diagnostics

    /// Reports a diagnostic at value bytes `range`. Once the bag is full, a stand-in without
    /// notes or fix-it is reported instead (the bag only counts it).
    mutating func report(
        _ id: DiagnosticID, _ message: String, at range: Range<Int>, notes: [Diagnostic.Note] = [],
        suggestion: String? = nil, fixIt: (range: Range<Int>, replacement: String)? = nil
    ) {
        let span = span(range)
        guard diagnostics.items.count < diagnostics.limit else {
            diagnostics.report(Diagnostic(id, message, at: span))
            return
        }
        let fix = fixIt.map { Diagnostic.FixIt(replacing: self.span($0.range), with: $0.replacement) }
        diagnostics.report(Diagnostic(id, message, at: span, notes: notes, suggestion: suggestion, fixIt: fix))
    }
}
