import ArgumentParser
import DarmarkaKit
import Foundation

/// Where labels go and how their symbols are made; shared by every label command.
struct LabelFileOptions: ParsableArguments {
    @Option(name: .shortAndLong, help: "Файл: .pdf, .png или .svg / output file.") var output: String
    @Option(help: "Коррекция ошибок QR / QR error correction.") var ecc: QRErrorCorrection = .quartile
    @Option(name: .customLong("url-base"),
            help: "Адрес перед кодом в QR / an address the QR code puts before the code, e.g. https://darmarka.example/b/")
    var urlBase: String?
    @Option(parsing: .unconditional, help: "Разрешение принтера / the printer's dpi (else 300 for sheets, the roll's own).") var dpi: Int?
    @Flag(help: "Перезаписать файл / overwrite the output file.") var force = false

    /// Everything about the output that can be refused before any work:
    /// the format, an existing file, the QR level and the URL base.
    func checked() throws -> (url: URL, errorCorrection: QRErrorCorrection, urlBase: String?) {
        let url = URL(fileURLWithPath: output)
        // What stands at the path first: a folder or a device has no
        // extension, and "unknown format" would send the user the wrong way.
        try OutputFile.check(output, force: force)
        guard LabelFormat(pathExtension: url.pathExtension) != nil else { throw LabelRenderError.unknownFormat(url.pathExtension) }
        return (url, ecc, try urlBase.map(BoxLabel.urlBase))
    }

    /// The files as the user would write them: in the folder they gave.
    func shown(_ files: [URL]) -> [String] {
        let folder = (output as NSString).deletingLastPathComponent
        return files.map { folder.isEmpty ? $0.lastPathComponent : folder + "/" + $0.lastPathComponent }
    }
}

/// Which stock to print on, and where on the first sheet to begin.
struct SheetOptions: ParsableArguments {
    @Option(help: "Шаблон этикеток, например L7160 или 58x40 / label template (see labels templates).") var template: String
    @Option(parsing: .unconditional, help: "Сколько этикеток на первом листе уже использовано / labels already used on the first sheet.") var skip = 0
    @Option(parsing: .unconditional, help: "Копий каждой этикетки / copies of each label.") var copies = 1
    @Flag(help: "Рисовать линию реза (пробная печать на простой бумаге) / draw cut lines for a test print.") var outline = false
}

extension LabelRenderReport {
    /// Tells the user what was written, then any warnings on standard error
    /// (standard output may be JSON). `lists` are added as JSON arrays.
    func announce(_ ctx: Context, template: LabelTemplate, file: LabelFileOptions,
                  fields extra: [(String, Cell)] = [], lists: [(String, [String])] = []) {
        let shown = file.shown(files)
        let note = LabelNote.labelsWritten(labels: labels, pages: pages, roll: template.fixedDPI != nil,
                                           template: template.id, files: shown)
        let fields = [("labels", Cell.int(labels)), ("pages", .int(pages)), ("template", .text(template.id)),
                      ("dpi", .int(dpi))] + extra
        let allLists = [("files", shown)] + lists
        switch ctx.format {
        case .table:
            ctx.say(.empty(note.phrase))
        case .json:
            let object = Listing(columns: fields.map { Column.field($0.0) }, rows: [fields.map(\.1)]).jsonObjects()
            let arrays = allLists.map { JSONText.string($0.0) + ": [" + $0.1.map(JSONText.string).joined(separator: ", ") + "]" }
            Console.out((object.first.map { String($0.dropLast()) + ", " } ?? "{") + arrays.joined(separator: ", ") + "}")
        case .csv:
            ctx.report(.empty(note.phrase), fields + allLists.map { ($0.0, .text($0.1.joined(separator: " "))) })
        }
        warn(ctx, warnings)
    }
}

/// Label warnings go to standard error: the labels were still printed.
func warn(_ ctx: Context, _ warnings: [LabelWarning]) {
    for warning in warnings {
        Console.err("darmarka: " + LabelNote.warning(warning).text(ctx.lang))
    }
}

struct LabelsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "labels", abstract: "Этикетки с QR-кодами для боксов / QR labels for boxes.",
        subcommands: [Boxes.self, Blank.self, Preview.self, Templates.self])

    struct Boxes: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "boxes", 
            abstract: "Этикетки боксов центра или перечисленных / labels for a centre's boxes or the codes given.")
        @OptionGroup var global: GlobalOptions
        @Option(help: "Все боксы центра в работе / every box in use at this centre.") var centre: String?
        @Argument(help: "Коды боксов / box codes.") var codes: [String] = []
        @OptionGroup var sheet: SheetOptions
        @OptionGroup var file: LabelFileOptions

        func run() throws {
            let ctx = try Context(global)
            guard (centre == nil) != codes.isEmpty else { throw LabelCLIProblem.centreOrCodes }
            let (url, level, urlBase) = try file.checked()
            let template = try TemplateCatalogue.named(sheet.template)
            _ = try template.pageCount(count: 1, skip: sheet.skip, copies: sheet.copies)
            let labels = try ctx.store().read { tx -> [LabelContent] in
                if let centre {
                    let c = try tx.centre(centre)
                    let boxes = try tx.boxes(centre: c).filter { $0.status == .active }
                    guard !boxes.isEmpty else { throw LabelCLIProblem.noBoxesAtCentre(c.code) }
                    return boxes.map { BoxLabel.content(for: $0, urlBase: urlBase) }
                }
                // A pre-printed code may be printed again (a label got lost) before it is a box.
                return try codes.map { text in
                    switch try tx.resolve(text) {
                    case .box(let box): BoxLabel.content(for: box, urlBase: urlBase)
                    case .unclaimed(let code, let centre): BoxLabel.blank(code, centreName: centre.name, urlBase: urlBase)
                    }
                }
            }
            let options = LabelRenderOptions(skip: sheet.skip, copies: sheet.copies, errorCorrection: level, dpi: file.dpi,
                                             outline: sheet.outline, force: file.force)
            let report = try LabelRenderer.render(labels, on: template, options: options, to: url)
            report.announce(ctx, template: template, file: file)
        }
    }

    struct Blank: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "blank", 
            abstract: "Напечатать коды заранее, до боксов / pre-print codes not yet given to boxes.",
            discussion: """
            Коды выдаются только если этикетки записаны; код не выдаётся дважды. Код станет боксом при \
            darmarka box add --centre C --code КОД или при первом скане с darmarka scan --claim-centre C.
            Codes are issued only once the labels are written, and never twice.
            """)
        @OptionGroup var global: GlobalOptions
        @Option(help: "Центр, для которого коды / the centre the codes are for.") var centre: String
        @Option(parsing: .unconditional, help: "Сколько кодов / how many codes.") var count: Int
        @OptionGroup var sheet: SheetOptions
        @OptionGroup var file: LabelFileOptions

        func run() throws {
            let ctx = try Context(global)
            guard (1...LabelCLIProblem.maximumBlankCount).contains(count) else { throw LabelCLIProblem.badBlankCount(count) }
            let (url, level, urlBase) = try file.checked()
            let template = try TemplateCatalogue.named(sheet.template)
            _ = try template.pageCount(count: count, skip: sheet.skip, copies: sheet.copies)
            let options = LabelRenderOptions(skip: sheet.skip, copies: sheet.copies, errorCorrection: level, dpi: file.dpi,
                                             outline: sheet.outline, force: file.force)
            // Codes are issued and drawn in one transaction that commits only
            // once the drawing exists: a failed drawing burns no codes.
            var staged: StagedLabels?
            let (codes, centreCode): ([BoxCode], String)
            do {
                (codes, centreCode) = try ctx.store().write { tx in
                    let c = try tx.centre(centre)
                    let codes = try tx.issueCodes(count: count, centre: c, purpose: .blank)
                    staged = try StagedLabels.render(codes.map { BoxLabel.blank($0, centreName: c.name, urlBase: urlBase) },
                                                     on: template, options: options, to: url)
                    return (codes, c.code)
                }
            } catch {
                staged?.discard()
                throw error
            }
            guard let staged, let first = codes.first, let last = codes.last else { throw LabelRenderError.nothingToRender }
            let report = try staged.publish()
            if ctx.format == .table { ctx.say(.empty(LabelNote.blanksIssued(count: codes.count, centre: centreCode,
                                                                            first: first.description, last: last.description).phrase)) }
            report.announce(ctx, template: template, file: file, fields: [("centre", .text(centreCode))],
                            lists: [("codes", codes.map(\.description))])
        }
    }

    struct Preview: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "preview", 
            abstract: "Одна этикетка с линией реза, чтобы посмотреть / one label with its cut line, to look at.")
        @OptionGroup var global: GlobalOptions
        @Option(help: "Шаблон / label template.") var template = "L7160"
        @Option(help: "Код бокса; без него — образец / a box code; without it, a sample.") var code: String?
        @OptionGroup var file: LabelFileOptions

        func run() throws {
            let ctx = try Context(global)
            let (url, level, urlBase) = try file.checked()
            let chosen = try TemplateCatalogue.named(template)
            let content: LabelContent
            if let code, !["sample", "образец"].contains(TextKey.normalise(code)) {
                content = try ctx.store().read { tx in
                    switch try tx.resolve(code) {
                    case .box(let box): BoxLabel.content(for: box, urlBase: urlBase)
                    case .unclaimed(let code, let centre): BoxLabel.blank(code, centreName: centre.name, urlBase: urlBase)
                    }
                }
            } else {
                // A sample needs no database: it shows how a real label will look.
                // The README's example code, B-7K3Q…, with its own check symbol.
                guard let sample = BoxCode.firstIssuable(from: ((7 * 32 + 19) * 32 + 3) * 32 + 23) else {
                    throw LedgerProblem.codesExhausted
                }
                content = BoxLabel.content(
                    for: Box(id: 0, code: sample, centreID: 0, centreCode: "PRE",
                             centreName: CLINote.sampleCentreName.text(ctx.lang),
                             name: CLINote.sampleBoxName.text(ctx.lang), kind: .collection, status: .active),
                    urlBase: urlBase)
            }
            let report = try LabelRenderer.render([content], on: chosen.singleLabelPreview(dpi: file.dpi),
                                                  options: LabelRenderOptions(errorCorrection: level, outline: true, force: file.force),
                                                  to: url)
            switch ctx.format {
            case .table: ctx.say(.empty(LabelNote.previewWritten(path: file.output, template: chosen.id).phrase))
            case .json, .csv: ctx.report(.written(path: file.output), [("template", .text(chosen.id)), ("code", .text(content.code)),
                                                         ("payload", .text(content.payload)), ("dpi", .int(report.dpi)),
                                                         ("file", .text(file.output))])
            }
            warn(ctx, report.warnings)
        }
    }

    struct Templates: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "templates", 
            abstract: "Шаблоны этикеток: свои и gLabels / label templates, the project's and gLabels'.")
        @OptionGroup var global: GlobalOptions
        @Option(help: "Слова для поиска: марка, артикул, размер 63.5x38.1 / words to look for.") var search: String?

        func run() throws {
            let ctx = try Context(global)
            let catalogue = TemplateCatalogue.standard()
            ctx.show(Listings.templates(search.map(catalogue.search) ?? catalogue.entries))
        }
    }
}
