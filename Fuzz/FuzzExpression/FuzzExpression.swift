import SextantLanguage

/// libFuzzer entry point: any bytes as the `entry.long` expression of a strategy, through the parser
/// and the checker. Built only by `scripts/fuzz.sh`.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    let source = ExpressionSource(standalone: text, name: "fuzz")
    var diagnostics = DiagnosticBag()
    _ = ExpressionParser.parse(source, into: &diagnostics)

    let file = SourceFile(path: "fuzz.yaml", text: "kind: strategy\nname: fuzz\n")
    var document = StrategyDocument(file: file, name: Located("fuzz", span: SourceSpan(file: file, range: 0..<0)))
    document.entry.long = ExpressionField(path: "entry.long", keySpan: source.wholeSpan, source: source)
    document.lets = [
        LetDeclaration(
            name: "x", nameSpan: source.wholeSpan,
            value: ExpressionField(path: "let.x", keySpan: source.wholeSpan, source: source))
    ]
    var checkDiagnostics = DiagnosticBag()
    _ = Checker.check(document, into: &checkDiagnostics)
    return 0
}
