#if !DARMARKA_FUZZ
@testable import DarmarkaCore
#endif

/// One fuzz input through every parser that reads what users and files give.
/// Shared by the libFuzzer target and the corpus replay test.
enum FuzzInput {
    static func exercise(_ bytes: [UInt8]) {
        // The first byte picks options, so the fuzzer explores them too.
        let selector = bytes.first ?? 0
        var options = CSVOptions()
        options.chunkSize = 1 + Int(selector % 64)
        options.maxFieldBytes = 4096
        if selector & 0x40 != 0 { options.encoding = .cp1251 }
        if selector & 0x80 != 0 { options.delimiter = .semicolon }
        if let reader = try? JournalReader(source: MemoryByteSource(Array(bytes.dropFirst()), pieceSize: 1 + Int(selector % 7)), options: options) {
            var rows = 0
            while rows < 100_000, let row = try? reader.next() {
                if case .success(let r) = row { _ = r.fingerprint }
                rows += 1
            }
            try? reader.readToEnd()
        }
        let text = String(decoding: bytes, as: UTF8.self)
        _ = BoxCode.find(in: text)
        _ = BoxCode.parse(text)
        _ = LocalDate.parse(text)
        _ = LocalTime.parse(text)
        _ = YearMonth.parse(text)
        _ = Grams.parseKilograms(text)
        _ = Quantity.parse(text)
        _ = Condition.parse(text)
        _ = MovementKind.parse(text)
        _ = Target.period(text)
    }
}
