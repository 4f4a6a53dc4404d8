import ArgumentParser
import DarmarkaKit
import Foundation

struct Init: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "init", abstract: "Создать базу / create the database.")
    @OptionGroup var global: GlobalOptions
    @Option(help: "Часовой пояс центров / the centres' time zone.") var timezone = "Asia/Yekaterinburg"
    @Option(help: "Название организации / organisation name.") var organisation: String?

    func run() throws {
        let ctx = try Context(global)
        guard let tz = TimeZone(identifier: timezone) else { throw LedgerProblem.badTimeZone(timezone) }
        switch ctx.location {
        case .file(let path):
            _ = try Store.create(path: path, organisation: organisation, timeZone: tz)
        case .postgres(let address):
            try PostgresLedger.create(at: address, organisation: organisation, timeZone: tz)
        }
        // A location's description never holds a password (DatabaseLocation).
        let shown = ctx.location.description
        ctx.report(.initialised(path: shown, timeZone: tz.identifier), [("path", .text(shown)), ("timezone", .text(tz.identifier))])
    }
}

struct CentreCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "centre", abstract: "Соседские центры / centres.",
                                                    subcommands: [Add.self, List.self], aliases: ["center"])

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "add", abstract: "Добавить центр / add a centre.")
        @OptionGroup var global: GlobalOptions
        @Option(help: "Короткий код, например PRE / a short code.") var code: String
        @Option(help: "Название / name.") var name: String
        @Option(help: "Адрес / address.") var address: String?

        func run() throws {
            let ctx = try Context(global)
            let c = try ctx.store().write { try $0.addCentre(code: code, name: name, address: address) }
            ctx.report(.centreAdded(code: c.code, name: c.name), [("code", .text(c.code)), ("name", .text(c.name))])
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "list", abstract: "Список центров / list centres.")
        @OptionGroup var global: GlobalOptions
        @OptionGroup var excel: ExcelOption
        func run() throws {
            let ctx = try Context(global, excel: excel)
            ctx.show(Listings.centres(try ctx.store().read { try $0.centres() }))
        }
    }
}

struct CategoryCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "category", abstract: "Категории вещей / categories.",
                                                    subcommands: [List.self, Add.self, Alias.self])

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "list", abstract: "Список категорий / list categories.")
        @OptionGroup var global: GlobalOptions
        @OptionGroup var excel: ExcelOption
        func run() throws {
            let ctx = try Context(global, excel: excel)
            ctx.show(Listings.named(try ctx.store().read { try $0.categories() }))
        }
    }

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "add", abstract: "Добавить категорию / add a category.")
        @OptionGroup var global: GlobalOptions
        @Option(help: "Код латиницей / code, e.g. winter-boots.") var code: String
        @Option(name: .customLong("name-ru"), help: "Название по-русски / Russian name.") var nameRu: String
        @Option(name: .customLong("name-en"), help: "Название по-английски / English name.") var nameEn: String?
        func run() throws {
            let ctx = try Context(global)
            let c = try ctx.store().write { try $0.addCategory(code: code, nameRu: nameRu, nameEn: nameEn) }
            ctx.report(.categoryAdded(code: c.code), [("code", .text(c.code))])
        }
    }

    struct Alias: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "alias", abstract: "Другое название категории / add an alias.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "Категория / category.") var category: String
        @Argument(help: "Другое название / the alias.") var alias: String
        func run() throws {
            let ctx = try Context(global)
            let c = try ctx.store().write { tx in
                let c = try tx.category(category)
                try tx.addCategoryAlias(alias, to: c)
                return c
            }
            ctx.report(.aliasAdded(alias: alias, category: c.names), [("alias", .text(alias)), ("category", .text(c.code))])
        }
    }
}

struct GroupCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "group", abstract: "Группы получателей / recipient groups.",
                                                    subcommands: [List.self], defaultSubcommand: List.self)
    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "list", abstract: "Список групп / list groups.")
        @OptionGroup var global: GlobalOptions
        @OptionGroup var excel: ExcelOption
        func run() throws {
            let ctx = try Context(global, excel: excel)
            ctx.show(Listings.named(try ctx.store().read { try $0.groups() }))
        }
    }
}
