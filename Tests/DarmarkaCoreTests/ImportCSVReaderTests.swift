import Testing
@testable import DarmarkaCore

@Suite("Import: CSV reader")
struct ImportCSVReaderTests {
    static let comma = CSVOptions(encoding: .utf8, delimiter: .comma)

    @Test func splitsFieldsAndLines() throws {
        let records = try readRecords("a,b,c\n1,,3\n", options: Self.comma)
        #expect(records == [TestRecord(line: 1, fields: ["a", "b", "c"]), TestRecord(line: 2, fields: ["1", "", "3"])])
    }

    @Test func readsCRLFLFAndLoneCR() throws {
        let records = try readRecords("a,b\r\nc,d\ne,f\rg,h", options: Self.comma)
        #expect(records == [
            TestRecord(line: 1, fields: ["a", "b"]), TestRecord(line: 2, fields: ["c", "d"]),
            TestRecord(line: 3, fields: ["e", "f"]), TestRecord(line: 4, fields: ["g", "h"]),
        ])
    }

    @Test func skipsEmptyLinesButCountsThem() throws {
        let records = try readRecords("\n\na,b\r\n\r\n\nc,d\n\n", options: Self.comma)
        #expect(records == [TestRecord(line: 3, fields: ["a", "b"]), TestRecord(line: 6, fields: ["c", "d"])])
    }

    @Test func keepsAnEmptyLastField() throws {
        #expect(try readRecords("a,\n,\n", options: Self.comma) == [
            TestRecord(line: 1, fields: ["a", ""]), TestRecord(line: 2, fields: ["", ""]),
        ])
    }

    @Test func readsQuotedSeparatorsLineBreaksAndDoubledQuotes() throws {
        let text = "a;\"x;y\";\"line 1\r\nline 2\nline 3\";\"say \"\"hi\"\"\"\nnext;\"\";\"\"\"\"\n"
        let records = try readRecords(text, options: CSVOptions(encoding: .utf8, delimiter: .semicolon))
        #expect(records == [
            TestRecord(line: 1, fields: ["a", "x;y", "line 1\r\nline 2\nline 3", "say \"hi\""]),
            // The next record starts on line 4: the quoted field took three lines.
            TestRecord(line: 4, fields: ["next", "", "\""]),
        ])
    }

    @Test func keepsTextAfterAClosingQuoteAndQuotesInsideUnquotedFields() throws {
        #expect(try readRecords("\"a\"b,c\"d\n", options: Self.comma) == [TestRecord(line: 1, fields: ["ab", "c\"d"])])
    }

    @Test func readsTheLastRecordWithoutALineBreak() throws {
        #expect(try readRecords("a,b\nc,\"d\"", options: Self.comma) == [
            TestRecord(line: 1, fields: ["a", "b"]), TestRecord(line: 2, fields: ["c", "d"]),
        ])
    }

    @Test func trimsSpacesWhenAsked() throws {
        let reader = try CSVReader(source: MemoryByteSource("  a \t, \u{00A0}b\u{00A0} ,\" c \"\n"), options: Self.comma)
        #expect(try reader.nextRecord())
        #expect(reader.texts() == ["a", "b", "c"])
        #expect(reader.texts(trimmed: false) == ["  a \t", " \u{00A0}b\u{00A0} ", " c "])
    }

    /// Every chunk size from one byte up puts a boundary everywhere: inside
    /// quotes, between a quote and its double, between CR and LF, and inside
    /// the two- and three-byte characters.
    @Test func chunkBoundariesAnywhereGiveTheSameRecords() throws {
        let text = "дата,\"при\"\"ём, «с»\r\nвторая строка\",€uro\r\n\r\n\"\"\"\",x\rлишь,\"a\"\"\"\n"
        let whole = try readRecords(text, options: Self.comma)
        #expect(whole.count == 3)
        #expect(whole[0] == TestRecord(line: 1, fields: ["дата", "при\"ём, «с»\r\nвторая строка", "€uro"]))
        #expect(whole[1] == TestRecord(line: 4, fields: ["\"", "x"]))
        #expect(whole[2] == TestRecord(line: 5, fields: ["лишь", "a\""]))
        for chunk in 1 ... 24 {
            #expect(try readRecords(text, chunk: chunk, options: Self.comma) == whole, "chunk \(chunk)")
        }
    }

    @Test func detectionSampleIsSplitLikeTheRest() throws {
        let text = "a;\"b\nc\";d\n1;2;3\n"
        for chunk in 1 ... 8 {
            let records = try readRecords(text, chunk: chunk)
            #expect(records == [TestRecord(line: 1, fields: ["a", "b\nc", "d"]), TestRecord(line: 3, fields: ["1", "2", "3"])])
        }
    }

    @Test func unterminatedQuoteIsAnErrorAtTheLineItOpened() throws {
        let text = "a,b\nc,\"d\ne,f\ng,h\n"
        for chunk in [1, 3, 1 << 20] {
            #expect(throws: ImportError(line: 2, .unterminatedQuote)) {
                _ = try readRecords(text, chunk: chunk, options: Self.comma)
            }
        }
    }

    @Test func fieldLongerThanTheLimitIsAnError() throws {
        var options = Self.comma
        options.maxFieldBytes = 10
        #expect(try readRecords("0123456789,\"0123456789\"\n", options: options).count == 1)
        #expect(throws: ImportError(line: 2, .fieldTooLong(limit: 10))) {
            _ = try readRecords("a\n\"01234567\"\"90\"\n", chunk: 3, options: options)
        }
        #expect(throws: ImportError(line: 1, .fieldTooLong(limit: 10))) {
            _ = try readRecords("0123456789A", options: options)
        }
    }

    @Test func tooManyFieldsIsAnError() throws {
        var options = Self.comma
        options.maxFields = 3
        #expect(try readRecords("a,b,c\n", options: options).count == 1)
        #expect(throws: ImportError(line: 1, .tooManyFields(limit: 3))) {
            _ = try readRecords("a,b,c,d\n", options: options)
        }
    }

    @Test func emptyInputHasNoRecords() throws {
        #expect(try readRecords("").isEmpty)
        #expect(try readRecords("\r\n\n").isEmpty)
    }

    @Test func invalidUTF8FieldDecodesToNil() throws {
        let reader = try CSVReader(source: MemoryByteSource(Array("a,".utf8) + [0xC3, 0x28] + Array("\n".utf8)),
                                   options: Self.comma)
        #expect(try reader.nextRecord())
        #expect(reader.texts() == ["a", nil])
    }

    /// Decoding relies on a repair showing as U+FFFD; text that already has
    /// one, or other EF-led characters, must still come through.
    @Test(arguments: [
        ([0xEF, 0xBF, 0xBD], "\u{FFFD}"), ([0xEF, 0xBC, 0xA1, 0xD1, 0x8F], "Ａя"), ([0xE2, 0x82, 0xAC], "€"),
        ([0xD1], nil), ([0xC3, 0x28], nil), ([0xEF, 0xBC], nil), ([0xED, 0xA0, 0x80], nil), ([0xC0, 0xAF], nil),
        ([0xEF, 0xBF, 0xBD, 0xFF], nil),
    ] as [([UInt8], String?)])
    func utf8Validation(bytes: [UInt8], text: String?) {
        #expect(bytes.withUnsafeBufferPointer { CSVEncoding.utf8.decode($0) } == text)
    }
}
