/// A scalar of the loaded tree: its value as YAML reads it and where it sits in the file.
///
/// Spans and the value→file map are rebuilt on demand by `ScalarSourceMap`, so that the
/// thousands of numbers of an inline test cost nothing until one of them needs a diagnostic.
struct YAMLScalar: Sendable {
    /// The value after YAML's unquoting, unescaping and folding.
    let value: String
    /// How it is written.
    let style: YAMLScalarStyle
    /// Yams' mark of the node (at its anchor or tag when it has one), as a byte offset.
    let markOffset: Int
    /// The text it was parsed from.
    let text: YAMLText

    /// True for YAML's null: an empty plain scalar, `~` or `null`.
    var isNull: Bool {
        style == .plain && (value.isEmpty || value == "~" || value == "null" || value == "Null" || value == "NULL")
    }

    /// The map of the value's bytes back into the file.
    var sourceMap: ScalarSourceMap {
        ScalarSourceMap(value: Array(value.utf8), style: style, markOffset: markOffset, bytes: text.bytes)
    }

    /// The scalar as written, quotes and block header included.
    var span: SourceSpan { text.span(sourceMap.tokenRange) }

    /// The value as expression text with its offset map.
    var expressionSource: ExpressionSource {
        ExpressionSource(text: value, file: text.file, segments: sourceMap.segments)
    }

    /// The value located at the scalar's span.
    var located: Located<String> { Located(value, span: span) }
}
