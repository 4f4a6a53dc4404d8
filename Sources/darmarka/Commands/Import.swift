#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import ArgumentParser
import DarmarkaKit
import Foundation

struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Загрузить журнал или справочник из CSV или Excel / import a journal or reference data from CSV or Excel.",
        discussion: """
        Файл проверяется целиком; при любой ошибке не загружается ничего. Тот же файл второй раз \
        ничего не добавляет; из дополненного файла загружаются только новые строки.
        The whole file is checked first; on any problem nothing is imported. The same file twice adds \
        nothing; a file that grew brings in only its new rows.
        """)
    @OptionGroup var global: GlobalOptions
    @Argument(help: "Файл CSV или книга Excel (.xlsx) / a CSV file or an Excel workbook (.xlsx).") var file: String
    @Option(help: "Что в файле / what the file holds.") var kind: ImportKind = .journal
    @Flag(name: .customLong("dry-run"), help: "Только проверить, ничего не записывать / check only, write nothing.") var dryRun = false
    @Option(help: "Кодировка (иначе определяется) / encoding, else detected.") var encoding: CSVEncoding?
    @Option(help: "Разделитель (иначе определяется) / delimiter, else detected.") var delimiter: CSVDelimiter?
    @Option(help: "Лист книги Excel (иначе первый) / the workbook's sheet, else its first.") var sheet: String?

    func run() throws {
        let ctx = try Context(global)
        var options = ImportOptions(dryRun: dryRun)
        options.sheet = sheet
        if let encoding { options.csv.encoding = encoding }
        if let delimiter { options.csv.delimiter = delimiter }
        let store = try ctx.store()
        let progress = Progress(lang: ctx.lang)
        let outcome: ImportOutcome
        do {
            outcome = kind == .journal
                ? try JournalImport.run(store, path: file, options: options, progress: progress.show)
                : try ReferenceImport.run(store, kind: kind, path: file, options: options)
        } catch let error as ImportError {
            progress.clear()
            Self.stop(error.text(file: file, lang: ctx.lang), code: ErrorJSON.code(of: error))
        }
        progress.clear()
        show(outcome, ctx)
        // Notes that name a registered person: kept, with a warning.
        if case .imported(let s) = outcome, let batch = s.batch {
            NoteWarning.say(try store.read { try $0.recipientCodes(namedInNotesOf: batch) }, ctx)
        }
    }

    private func show(_ outcome: ImportOutcome, _ ctx: Context) {
        let lang = ctx.lang
        switch outcome {
        case .refused(let refusal):
            var lines = refusal.problems.map { $0.text(file: refusal.file, lang: lang) }
            if refusal.more > 0 { lines.append(ImportNote.moreProblems(refusal.more).text(lang)) }
            lines.append(ImportNote.refused(file: refusal.file, problems: refusal.count).text(lang))
            if ctx.format == .json { Console.out(outcome.json(), terminator: "") }
            Self.stop(lines.joined(separator: "\n"))
        case _ where ctx.format == .json:
            Console.out(outcome.json(), terminator: "")
        case .sameFile(let file, let batch):
            // When, in the organisation's hours: people remember their day, not UTC.
            let zone = try? ctx.store().read { try $0.timeZone() }
            Console.out(ImportNote.sameFile(file: file, batch: batch, zone: zone).text(lang))
        case .nothingNew(let summary):
            Console.out((summary.rowsRead == 0 ? ImportNote.noRows(file: summary.file)
                   : ImportNote.nothingNew(file: summary.file, rows: summary.skipped)).text(lang))
        case .imported(let s):
            if !s.ignoredColumns.isEmpty {
                Console.err(ImportNote.unknownColumns(file: s.file, titles: s.ignoredColumns).text(lang))
            }
            if s.kind == .journal {
                Console.out(ImportNote.imported(file: s.file, rows: s.rowsImported, read: s.rowsRead, skipped: s.skipped,
                                          seconds: s.seconds, dryRun: s.dryRun).text(lang))
                if !s.written.isEmpty { Console.out(s.operationsTable(lang), terminator: "") }
                if s.corrected > 0 {
                    Console.out(CorrectionNote.count(s.corrected, movements: s.corrections.prefix(10).map(\.movement)).text(lang))
                    for c in s.corrections {
                        Console.out(CorrectionNote.shown(file: s.file, c, changes: c.changes(lang).joined(separator: "; ")).text(lang))
                    }
                    if s.corrected > s.corrections.count { Console.out(CorrectionNote.more(s.corrected - s.corrections.count).text(lang)) }
                }
                Console.out(ImportNote.registered(recipients: s.recipientsRegistered, events: s.eventsCreated,
                                            volunteers: s.volunteersAdded).text(lang))
                // A typo among them shows now, before the month is reported.
                if !s.newRecipientCodes.isEmpty {
                    let listed = Array(s.newRecipientCodes.prefix(RecipientNote.listed))
                    Console.out(RecipientNote.newCodes(listed, more: s.newRecipientCodes.count - listed.count).text(lang))
                }
            } else {
                Console.out(ImportNote.referenceImported(kind: s.kind, file: s.file, registered: s.rowsImported, already: s.alreadyThere,
                                                   centres: s.centresAdded, seconds: s.seconds, dryRun: s.dryRun).text(lang))
            }
        }
    }

    /// Problems go to standard error in the compilers' `FILE:LINE:` form,
    /// which editors can jump to; the status says nothing was imported.
    static func stop(_ text: String, code: String = "importRefused") -> Never {
        if Context.wantsJSON(CommandLine.arguments) { Context.fail(text, code: code) }
        fflush(nil)
        Console.err(text)
        Darmarka.exit(withError: ExitCode.failure)
    }
}

/// Progress of a long import, on standard error and only on a terminal, so
/// that logs and pipes get nothing but the result.
final class Progress {
    private let lang: Lang
    private let enabled = isatty(2) != 0
    private var shown = false

    init(lang: Lang) { self.lang = lang }

    func show(_ p: ImportProgress) {
        guard enabled else { return }
        shown = true
        Console.err("\r" + ImportNote.progress(rows: p.rows, percent: p.percent).text(lang) + "\u{1B}[K", terminator: "")
    }

    func clear() {
        guard shown else { return }
        Console.err("\r\u{1B}[K", terminator: "")
        shown = false
    }
}
