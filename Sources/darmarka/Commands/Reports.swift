import ArgumentParser
import DarmarkaKit
import Foundation

/// Where and how a report goes.
struct ReportOutput: ParsableArguments {
    @Option(help: "Центр / one centre only.") var centre: String?
    @Option(name: .shortAndLong, help: "Файл / output file (needed for xlsx and pdf).") var output: String?
    @Flag(help: "Перезаписать файл / overwrite the output file.") var force = false
}

/// The shared path of the report commands: build once, render in the form asked.
struct ReportRun {
    let global: GlobalOptions
    let output: ReportOutput

    /// `lastWholeMonth`: the month was not asked for, and the title says which it is.
    func run(_ kind: Report.Kind, lastWholeMonth: Bool = false) throws {
        let ctx = try Context(global, reportForms: true)
        var format = global.format
        // `-o ноябрь.pdf` alone means a PDF, not a table in a file called .pdf.
        if let path = output.output, let byExtension = Self.form(ofExtension: path), byExtension != format {
            guard format == .table else { throw LedgerProblem.formatAndExtensionDiffer(format: format.rawValue, path: path) }
            format = byExtension
        }
        let form = format.rawValue
        guard Report.TextForm(rawValue: form) != nil || ReportFile.Form(rawValue: form) != nil else { throw LedgerProblem.badFormat(form) }
        // A file form has no text to print: refuse before any work.
        if ReportFile.Form(rawValue: form) != nil && output.output == nil {
            throw LedgerProblem.invalidArguments(CLINote.formatNeedsOutput(form).text(ctx.lang))
        }
        if let path = output.output { try OutputFile.check(path, force: output.force) }
        // Today in the organisation's time zone: the date the file says it was made.
        var (report, today) = try ctx.store().read { tx in
            var report = try tx.report(kind, centre: try output.centre.map(tx.centre))
            // Read in the same transaction as the figures: the movement they count up to.
            let seal = try tx.seal()
            report.seal = Report.Seal(movement: seal.movement, hash: seal.hash)
            return (report, try tx.today())
        }
        report.isLastWholeMonth = lastWholeMonth
        let bytes: [UInt8]
        if let text = Report.TextForm(rawValue: form) {
            bytes = Array(report.render(text, lang: ctx.lang).utf8)
        } else if let file = ReportFile.Form(rawValue: form) {
            bytes = try ReportFile.render(report, as: file, lang: ctx.lang, generatedOn: today)
        } else {
            throw LedgerProblem.badFormat(form)
        }
        if let path = output.output {
            try ctx.write(bytes, to: path, force: output.force)
            ctx.say(.written(path: path))
        } else {
            Console.out(bytes)
        }
    }

    /// The report form a file's extension names, if it names one.
    static func form(ofExtension path: String) -> OutputFormat? {
        switch URL(fileURLWithPath: path).pathExtension.lowercased() {
        case "pdf": .pdf
        case "xlsx": .xlsx
        case "csv": .csv
        case "json": .json
        case "md", "markdown": .md
        case "html", "htm": .html
        case "txt": .table
        default: nil
        }
    }
}

struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report", abstract: "Отчёты для грантового фонда / reports for the grant fund.",
        discussion: "--format table | json | csv | md | html | xlsx | pdf",
        subcommands: [Monthly.self, Year.self, Range.self])

    struct Monthly: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "monthly", abstract: "Месяц, предыдущий месяц и с начала года / a month.")
        @OptionGroup var global: GlobalOptions
        @Option(help: ArgumentHelp(
            "Месяц / month: \(ReportWords.monthForms.ru); \(ReportWords.monthNameAlone.ru). Без него — последний полный месяц.",
            discussion: "\(ReportWords.monthForms.en); \(ReportWords.monthNameAlone.en). Without it, the last whole month."))
        var month: String?
        @OptionGroup var output: ReportOutput
        func run() throws {
            // A month not understood is refused before the database is opened.
            var input: MonthInput?
            if let month {
                guard let parsed = MonthInput.parse(month) else { throw LedgerProblem.badMonth(month) }
                input = parsed
            }
            if case .month(let m) = input { return try ReportRun(global: global, output: output).run(.monthly(m)) }
            let today = try Context(global, reportForms: true).store().read { try $0.today() }
            guard let input else {
                return try ReportRun(global: global, output: output).run(.monthly(YearMonth(today).previous), lastWholeMonth: true)
            }
            guard let m = input.month(today: today) else { throw LedgerProblem.badMonth(month ?? "") }
            try ReportRun(global: global, output: output).run(.monthly(m))
        }
    }

    struct Year: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "year", abstract: "Год и предыдущий год / a year.")
        @OptionGroup var global: GlobalOptions
        @Option(help: "Год / year, 2026.") var year: String
        @OptionGroup var output: ReportOutput
        func run() throws {
            guard year.count == 4, let y = Int(year), Period.year(y) != nil, Period.year(y - 1) != nil else { throw LedgerProblem.badYear(year) }
            try ReportRun(global: global, output: output).run(.year(y))
        }
    }

    struct Range: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "range", abstract: "Любой период / any period.")
        @OptionGroup var global: GlobalOptions
        @Option(help: "С даты / from.") var from: String
        @Option(help: "По дату / to.") var to: String
        @OptionGroup var output: ReportOutput
        func run() throws {
            let a = try LocalDate.read(from)
            let b = try LocalDate.read(to)
            guard a <= b else { throw LedgerProblem.periodBackwards(from: a, to: b) }
            try ReportRun(global: global, output: output).run(.range(Period(from: a, to: b)))
        }
    }
}

struct TargetCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "target", abstract: "Плановые показатели гранта / targets.",
                                                    subcommands: [Set.self, List.self])

    struct Set: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "set", 
            abstract: "Задать план / set a target.",
            discussion: "METRIC: " + Metric.allCases.map(\.rawValue).joined(separator: ", "))
        @OptionGroup var global: GlobalOptions
        @Argument(help: ArgumentHelp("Показатель: код или название (принято кг, выдано, получатели…) / metric.", valueName: "metric"))
        var metricArgument: String?
        @Argument(help: ArgumentHelp("Значение; вес в кг можно с дробью, 120,5 / value.", valueName: "value"))
        var valueArgument: String?
        @Option(name: .customLong("metric"), help: "То же, что METRIC / the same as METRIC.") var metricOption: String?
        @Option(name: .customLong("value"), parsing: .unconditional, help: "То же, что VALUE / the same as VALUE.") var valueOption: String?
        @Option(help: "2026, 2026-11 или 2026-03-01..2027-02-28") var period: String

        func run() throws {
            let ctx = try Context(global)
            guard let metric = metricOption ?? metricArgument else { throw LedgerProblem.invalidArguments("Missing expected argument '<metric>'") }
            guard let value = valueOption ?? valueArgument else { throw LedgerProblem.invalidArguments("Missing expected argument '<value>'") }
            guard let m = Metric.parse(metric) else {
                // `kg` fits two metrics: name both rather than pick one.
                let word = TextKey.normalise(metric)
                let fits = Metric.allCases.filter { $0.rawValue.split(separator: "-").contains { $0 == word } }
                let list = (fits.count > 1 ? fits : Metric.allCases).map(\.rawValue).joined(separator: ", ")
                throw LedgerProblem.invalidArguments("\(metric): " + list)
            }
            guard let v = m.parseValue(value) else {
                if m.isWeight { throw Grams.isOverMaximum(value) ? LedgerProblem.weightTooLarge(value) : LedgerProblem.badWeight(value) }
                throw LedgerProblem.badQuantity(value)
            }
            // A target of nothing is met before the work starts: always a slip.
            guard v >= 1 else { throw LedgerProblem.notPositive(option: "VALUE", value: v) }
            guard let p = Target.period(period) else {
                let parts = period.components(separatedBy: "..")
                if parts.count == 2, let a = LocalDate.parse(parts[0]), let b = LocalDate.parse(parts[1]), b < a {
                    throw LedgerProblem.periodBackwards(from: a, to: b)
                }
                throw LedgerProblem.badPeriod(period)
            }
            try ctx.store().write { try $0.setTarget(Target(metric: m, period: p, value: v)) }
            let cell = m.cell(v)
            ctx.report(.targetSet(metric: m.phrase, value: cell.phrase, from: p.from, to: p.to),
                       [("metric", .text(m.rawValue)), ("value", cell), ("from", .text(p.from.description)), ("to", .text(p.to.description))])
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "list", abstract: "Список планов / list targets.")
        @OptionGroup var global: GlobalOptions
        @OptionGroup var excel: ExcelOption
        func run() throws {
            let ctx = try Context(global, excel: excel)
            let targets = try ctx.store().read { try $0.targets() }
            ctx.show(Listings.targets(targets))
        }
    }
}
