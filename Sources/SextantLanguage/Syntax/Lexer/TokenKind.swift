/// The kind of a lexical token of the expression language (see `Grammar/precedence.md`).
///
/// `question` and `colon` are not part of the language: they are lexed so that the parser can
/// recognise a C-style `c ? a : b` or a YAML-style `stop: 2` and suggest the Sextant spelling.
/// `unknown` covers characters that start no token; the lexer has already reported them.
enum TokenKind: UInt8, Sendable, Hashable, CaseIterable {
    /// A number literal without a unit: `14`, `0.5`, `1e-3`, `1_000`.
    case number
    /// A number with a unit letter right after its digits: `30m`, `4h`, `1d`.
    case duration
    /// A name that is not a keyword: `close`, `sma`, `fast_ma`.
    case name

    case andKeyword
    case orKeyword
    case notKeyword
    case ifKeyword
    case thenKeyword
    case elseKeyword
    case trueKeyword
    case falseKeyword
    case naKeyword
    case ofKeyword

    case plus
    case minus
    case star
    case slash
    case percent
    case less
    case lessEqual
    case greater
    case greaterEqual
    case equalEqual
    case bangEqual
    /// A single `=`: only valid between an argument name and its value.
    case equal
    case leftParen
    case rightParen
    case leftBracket
    case rightBracket
    case comma
    case dot

    case question
    case colon
    case unknown
    /// The end of the expression; the token list always ends with exactly one.
    case end

    /// The keywords, by spelling.
    static let keywords: [String: TokenKind] = [
        "and": .andKeyword, "or": .orKeyword, "not": .notKeyword, "if": .ifKeyword, "then": .thenKeyword,
        "else": .elseKeyword, "true": .trueKeyword, "false": .falseKeyword, "na": .naKeyword, "of": .ofKeyword,
    ]

    /// The fixed spelling of a keyword or punctuation token; nil for literals, names and `end`.
    var spelling: String? {
        switch self {
        case .number, .duration, .name, .unknown, .end: nil
        case .andKeyword: "and"
        case .orKeyword: "or"
        case .notKeyword: "not"
        case .ifKeyword: "if"
        case .thenKeyword: "then"
        case .elseKeyword: "else"
        case .trueKeyword: "true"
        case .falseKeyword: "false"
        case .naKeyword: "na"
        case .ofKeyword: "of"
        case .plus: "+"
        case .minus: "-"
        case .star: "*"
        case .slash: "/"
        case .percent: "%"
        case .less: "<"
        case .lessEqual: "<="
        case .greater: ">"
        case .greaterEqual: ">="
        case .equalEqual: "=="
        case .bangEqual: "!="
        case .equal: "="
        case .leftParen: "("
        case .rightParen: ")"
        case .leftBracket: "["
        case .rightBracket: "]"
        case .comma: ","
        case .dot: "."
        case .question: "?"
        case .colon: ":"
        }
    }

    /// True for the ten reserved words.
    var isKeyword: Bool {
        switch self {
        case .andKeyword, .orKeyword, .notKeyword, .ifKeyword, .thenKeyword, .elseKeyword, .trueKeyword,
            .falseKeyword, .naKeyword, .ofKeyword:
            true
        default:
            false
        }
    }

    /// True when the token can begin an operand (`primary`, or a prefix `not`/`if`), which decides
    /// whether a `%` right after a number is a percent sign. A prefix `-` deliberately does not
    /// count: `5% - 1` reads as "five percent minus one".
    var startsOperand: Bool {
        switch self {
        case .number, .duration, .name, .leftParen, .notKeyword, .ifKeyword, .trueKeyword, .falseKeyword,
            .naKeyword:
            true
        default:
            false
        }
    }

    /// True when the token can begin an expression anywhere (operands, a prefix `-`, and an
    /// already-reported `unknown` token that stands in for one).
    var startsExpression: Bool { startsOperand || self == .minus || self == .unknown }
}
