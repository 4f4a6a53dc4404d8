// libFuzzer entry point, compiled by scripts/fuzz together with the sources
// of DarmarkaCore (no package needed). Whatever the bytes, the journal
// reader and the code and value parsers must return or throw: never crash,
// hang or grow without bound.

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    FuzzInput.exercise(bytes)
    return 0
}
