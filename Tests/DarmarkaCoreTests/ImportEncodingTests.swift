import Testing
@testable import DarmarkaCore

@Suite("Import: encodings and delimiters")
struct ImportEncodingTests {
    static let russianHeader = "Дата;Операция;Бокс;Категория;Количество;Вес, кг;Примечание"
    static func russianRow() -> String { "03.11.2026;Приём;\(TestBoxes.a);Обувь;3;2,5;ёлки «зелёные» — №5" }

    @Test func cp1251TableMatchesKnownLetters() throws {
        // А...я, Ё ё, № and the typographic quotes Excel puts in.
        let bytes: [UInt8] = [0xC0, 0xDF, 0xE0, 0xFF, 0xA8, 0xB8, 0xB9, 0xAB, 0xBB, 0x96, 0x97, 0x88]
        #expect(CP1251.decode(bytes) == "АЯаяЁё№«»–—€")
        #expect(CP1251.encode("АЯаяЁё№«»–—€") == bytes)
        #expect(CP1251.encode("日本") == nil)
    }

    @Test func everyCP1251ByteRoundTrips() throws {
        let all = (0 ... 255).map(UInt8.init)
        #expect(CP1251.encode(CP1251.decode(all)) == all)
    }

    @Test func detectsWindows1251WithSemicolons() throws {
        let text = Self.russianHeader + "\r\n" + Self.russianRow() + "\r\n"
        let bytes = try #require(CP1251.encode(text))
        let journal = try readJournal(bytes)
        #expect(journal.format == CSVFormat(encoding: .cp1251, delimiter: .semicolon, hasByteOrderMark: false))
        #expect(journal.errors == [])
        let row = try #require(journal.rows.first)
        #expect(row.date == date("2026-11-03"))
        #expect(row.operation == .intake)
        #expect(row.category == "Обувь")
        #expect(row.weight == Grams(2500))
        #expect(row.note == "ёлки «зелёные» — №5")
        #expect(journal.columns.language == .ru)
    }

    @Test func detectsUTF8WithAndWithoutByteOrderMark() throws {
        let text = "дата,операция,бокс,категория,количество,\"вес, кг\"\n2026-11-03,выдача,\(TestBoxes.a),обувь,1,\"0,5\"\n"
        for bom in [false, true] {
            let journal = try readJournal((bom ? [0xEF, 0xBB, 0xBF] : []) + Array(text.utf8))
            #expect(journal.format == CSVFormat(encoding: .utf8, delimiter: .comma, hasByteOrderMark: bom))
            #expect(journal.errors == [])
            #expect(journal.rows.first?.weight == Grams(500))
            #expect(journal.rows.first?.operation == .handout)
        }
    }

    @Test func plainASCIIIsReadAsUTF8() throws {
        let journal = try readJournal("date,operation,box,category,quantity\n2026-11-03,intake,\(TestBoxes.a),shoes,1\n")
        #expect(journal.format.encoding == .utf8)
        #expect(journal.format.delimiter == .comma)
    }

    @Test func detectsTabs() throws {
        let journal = try readJournal("date\toperation\tbox\tcategory\tquantity\tweight, kg\n2026-11-03\tintake\t\(TestBoxes.a)\tshoes\t2\t1,5\n")
        #expect(journal.format.delimiter == .tab)
        #expect(journal.rows.first?.weight == Grams(1500))
    }

    /// A multi-byte character cut by the end of the detection sample does not
    /// make the file look like Windows-1251.
    @Test func sampleEndingInsideACharacterIsStillUTF8() throws {
        let text = "дата,операция,бокс,категория,количество\n"
        var options = CSVOptions()
        options.sniffSize = 3
        options.chunkSize = 3
        let reader = try CSVReader(source: MemoryByteSource(text), options: options)
        #expect(reader.format.encoding == .utf8)
    }

    @Test func forcedEncodingAndDelimiterWin() throws {
        // Valid UTF-8 and comma-looking, but the user says cp1251 and `;`.
        let bytes = Array("a,b;c\n".utf8) + [0xD0, 0xB4] + Array(";x\n".utf8)
        let records = try readRecords(bytes, options: CSVOptions(encoding: .cp1251, delimiter: .semicolon))
        #expect(records == [TestRecord(line: 1, fields: ["a,b", "c"]), TestRecord(line: 2, fields: ["Рґ", "x"])])
        #expect(CSVEncoding(name: "Windows-1251") == .cp1251)
        #expect(CSVEncoding(name: "UTF-8") == .utf8)
        #expect(CSVDelimiter(argument: "\\t") == .tab)
        #expect(CSVDelimiter(argument: ";") == .semicolon)
    }

    @Test func invalidUTF8InALaterLineIsAProblemOfThatLine() throws {
        // The sample is valid UTF-8 (so the file is UTF-8); a later line is not.
        let head = "date,operation,box,category,quantity\n2026-11-03,intake,\(TestBoxes.a),обувь,1\n"
        let bad = Array("2026-11-03,intake,\(TestBoxes.a),".utf8) + [0xCE, 0xE1, 0xF3, 0xE2, 0xFC] + Array(",1\n".utf8)
        var options = CSVOptions()
        options.sniffSize = head.utf8.count
        let journal = try readJournal(Array(head.utf8) + bad, chunk: 16, options: options)
        #expect(journal.rows.count == 1)
        #expect(journal.problems == [JournalProblem(line: 3, field: .category, column: "category", message: .notUTF8)])
    }

    @Test func onlyTheSampleDecidesTheEncoding() throws {
        var options = CSVOptions()
        options.sniffSize = 40
        let head = Array("date,operation,box,category,quantity,note\n".utf8)
        let late = try #require(CP1251.encode("2026-11-03,intake,\(TestBoxes.a),обувь,1,\n"))
        // One read brings everything, yet only the first 40 bytes are looked at.
        let journal = try readJournal(head + late, options: options)
        #expect(journal.format.encoding == .utf8)
        #expect(journal.messages == [.notUTF8])
    }

    @Test func semicolonWinsOverTheCommaInAHeader() throws {
        let bytes = try #require(CP1251.encode("Дата;Операция;Бокс;Категория;Количество;Вес, кг\n"))
        let format = bytes.withUnsafeBufferPointer { CSVSniffer.detect($0, options: CSVOptions()) }
        #expect(format.delimiter == .semicolon)
    }

    @Test func aOneColumnFileFallsBackToTheEncodingsUsualDelimiter() throws {
        let cp = try #require(CP1251.encode("Дата\n"))
        #expect(cp.withUnsafeBufferPointer { CSVSniffer.detect($0, options: CSVOptions()) }.delimiter == .semicolon)
        let utf = Array("date\n".utf8)
        #expect(utf.withUnsafeBufferPointer { CSVSniffer.detect($0, options: CSVOptions()) }.delimiter == .comma)
    }
}
