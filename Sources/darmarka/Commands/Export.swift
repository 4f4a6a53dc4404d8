import ArgumentParser
import DarmarkaKit
import Foundation

/// Where an export goes and in what form.
struct ExportOutput: ParsableArguments {
    @Option(name: .shortAndLong, help: "Файл (иначе стандартный вывод) / output file, else standard output.") var output: String?
    @Flag(help: "Перезаписать файл / overwrite the output file.") var force = false
    @Flag(help: "Для Excel: «;», метка UTF-8, CRLF; в журнале десятичная запятая и названия на языке --lang / for Excel: ';', a UTF-8 mark, CRLF; a journal with decimal commas and names in --lang.") var excel = false

    var delimiter: CSVDelimiter { excel ? .semicolon : .comma }
    var lineEnding: String { excel ? "\r\n" : "\n" }
    var byteOrderMark: String { excel ? "\u{FEFF}" : "" }

    /// Writes `body`'s text and says how many rows went where.
    func write(_ ctx: Context, _ body: (TextOutput) throws -> Int) throws {
        let out = try TextOutput(path: output, force: force)
        let rows = try body(out)
        try out.finish()
        if let output {
            Console.err(ImportNote.exported(path: output, rows: rows).text(ctx.lang))
        }
    }
}

struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Выгрузить журнал или справочник в CSV / export the journal or reference data as CSV.",
        discussion: """
        Выгрузка читается командой darmarka import: export boxes → import --kind boxes, export journal → import.
        An export reads back with darmarka import. Заголовки на языке --lang / headers in the --lang language.
        """,
        subcommands: [Journal.self, Boxes.self, Recipients.self, Events.self])

    struct Journal: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "journal", 
            abstract: "Журнал движений / the journal of movements.",
            discussion: "--format xlsx (или --output ФАЙЛ.xlsx): книга Excel / an Excel workbook.")
        @OptionGroup var global: GlobalOptions
        @Option(help: "С даты / from.") var from: String?
        @Option(help: "По дату / to.") var to: String?
        @Option(help: "Только движения боксов центра / one centre's boxes only.") var centre: String?
        @OptionGroup var output: ExportOutput

        func run() throws {
            // `--format xlsx`, or `-o журнал.xlsx` alone: a workbook.
            let byExtension = output.output.map { URL(fileURLWithPath: $0).pathExtension.lowercased() == "xlsx" } ?? false
            let xlsx = global.format == .xlsx || (byExtension && global.format == .table)
            let ctx = try Context(global, reportForms: xlsx)
            var writer = JournalWriter(language: ctx.lang, delimiter: output.delimiter, byteOrderMark: output.excel,
                                       lineEnding: output.lineEnding, movementNumbers: true)
            if xlsx { return try workbook(ctx, writer: writer) }
            let store = try ctx.store()
            try output.write(ctx) { out in
                try store.read { tx in
                    // An Excel that splits on `;` takes the comma for decimals
                    // (and `2.5` for a date); people read names, not codes.
                    if output.excel {
                        writer.decimalSeparator = ","
                        writer.categoryNames = try tx.categories().writtenNames(ctx.lang)
                        writer.groupNames = try tx.groups().writtenNames(ctx.lang)
                    }
                    let today = try tx.today()
                    let (from, to) = try Parse.dateRange(from: from, to: to, today: today)
                    let centre = try centre.map(tx.centre)
                    try out.write(writer.header())
                    var rows = 0
                    try tx.forEachJournalRow(from: from, to: to, centre: centre) { row in
                        try out.write(writer.line(row))
                        rows += 1
                    }
                    return rows
                }
            }
        }

        /// The journal as a workbook, categories and groups by their names.
        private func workbook(_ ctx: Context, writer: JournalWriter) throws {
            guard let path = output.output else {
                throw LedgerProblem.invalidArguments(CLINote.formatNeedsOutput("xlsx").text(ctx.lang))
            }
            try OutputFile.check(path, force: output.force)
            var writer = writer
            let (bytes, rows) = try ctx.store().read { tx -> ([UInt8], Int) in
                writer.categoryNames = try tx.categories().writtenNames(ctx.lang)
                writer.groupNames = try tx.groups().writtenNames(ctx.lang)
                let book = try JournalWorkbook(writer: writer, sheetName: ctx.lang == .ru ? "Журнал" : "Journal")
                let (from, to) = try Parse.dateRange(from: from, to: to, today: try tx.today())
                var rows = 0
                try tx.forEachJournalRow(from: from, to: to, centre: try centre.map(tx.centre)) { row in
                    book.add(row)
                    rows += 1
                }
                return (try book.finish(), rows)
            }
            // Recipients' codes are in it, as in every export (152-ФЗ).
            try OutputFile.write(bytes, to: path, force: output.force, audience: .ownerOnly)
            Console.err(ImportNote.exported(path: path, rows: rows).text(ctx.lang))
        }
    }

    struct Boxes: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "boxes", abstract: "Боксы и их центры / boxes and their centres.")
        @OptionGroup var global: GlobalOptions
        @Option(help: "Только этот центр / one centre only.") var centre: String?
        @OptionGroup var output: ExportOutput

        func run() throws {
            let ctx = try Context(global)
            let boxes = try ctx.store().read { tx in try tx.boxes(centre: try centre.map(tx.centre)) }
            try Self.write(kind: .boxes, rows: boxes.map { b in
                [b.code.description, b.centreCode, b.centreName, b.name ?? "", b.kind.rawValue, b.status.rawValue]
            }, ctx: ctx, output: output)
        }

        /// A reference file: the header in the user's language, then the rows.
        static func write(kind: ImportKind, rows: [[String]], ctx: Context, output: ExportOutput) throws {
            try output.write(ctx) { out in
                try out.write(output.byteOrderMark + CSVRecord.line(kind.fields.map { $0.header(ctx.lang) },
                                                                    delimiter: output.delimiter, lineEnding: output.lineEnding))
                // Names may begin like a formula: neutralised, and read back unchanged.
                for row in rows {
                    try out.write(CSVRecord.line(row.map(SpreadsheetText.escaped), delimiter: output.delimiter, lineEnding: output.lineEnding))
                }
                return rows.count
            }
        }
    }

    struct Recipients: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "recipients", abstract: "Получатели: коды, группы, семьи, без контактов / recipients, no contacts.")
        @OptionGroup var global: GlobalOptions
        @OptionGroup var output: ExportOutput

        func run() throws {
            let ctx = try Context(global)
            let recipients = try ctx.store().read { try $0.recipients() }
            try Boxes.write(kind: .recipients, rows: recipients.map { r in
                [r.code, r.groupCode ?? "", String(r.householdSize), r.registeredOn.description]
            }, ctx: ctx, output: output)
        }
    }

    struct Events: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "events", abstract: "Мероприятия / events.")
        @OptionGroup var global: GlobalOptions
        @OptionGroup var output: ExportOutput

        func run() throws {
            let ctx = try Context(global)
            let events = try ctx.store().read { try $0.events() }
            try Boxes.write(kind: .events, rows: events.map { e in
                [e.name, e.date.description, e.centreCode ?? "", String(e.participants)]
            }, ctx: ctx, output: output)
        }
    }
}
