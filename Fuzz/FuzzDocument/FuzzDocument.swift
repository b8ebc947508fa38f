import SextantLanguage

/// libFuzzer entry point: any bytes as a YAML file, through the whole lint pipeline (loader, parser,
/// checker). Built only by `scripts/fuzz.sh`.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    _ = Linter.lint(bytes: bytes, path: "fuzz.yaml")
    return 0
}
