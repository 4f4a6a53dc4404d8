import ArgumentParser
import DarmarkaKit

struct RecipientCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "recipient", abstract: "Получатели (по коду карточки) / recipients.",
                                                    subcommands: [Add.self, List.self, Forget.self])

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "add", abstract: "Зарегистрировать получателя / register a recipient.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "Код карточки, не имя / card code, not a name.") var code: String
        @Option(help: "Группа / group, e.g. large-family.") var group: String?
        @Option(parsing: .unconditional, help: "Человек в семье / household size.") var household = "1"
        @Option(help: "Контакт (только с согласием) / contact (needs consent).") var contact: String?
        @Option(name: .customLong("consent-date"), help: "Дата согласия / date of consent.") var consentDate: String?
        @Option(help: "Дата регистрации / registration date.") var date: String?

        func run() throws {
            let ctx = try Context(global)
            guard let size = Int(household.trimmingCharacters(in: .whitespaces)) else { throw LedgerProblem.badHouseholdSize(household) }
            let r = try ctx.store().write { tx in
                let today = try tx.today()
                return try tx.addRecipient(code: code, group: try group.map(tx.group), householdSize: size,
                                           on: try Parse.date(date, today: today), contact: contact,
                                           consentOn: try Parse.optionalDate(consentDate, today: today))
            }
            ctx.report(.recipientAdded(code: r.code), [("code", .text(r.code))])
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "list", abstract: "Список получателей / list recipients.")
        @OptionGroup var global: GlobalOptions
        @OptionGroup var excel: ExcelOption
        func run() throws {
            let ctx = try Context(global, excel: excel)
            let (recipients, groups) = try ctx.store().read { (try $0.recipients(), try $0.groups()) }
            ctx.show(Listings.recipients(recipients, groups: groups))
        }
    }
}

struct EventCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "event", abstract: "Мероприятия (дармарки) / events.",
                                                    subcommands: [Add.self, List.self])

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "add", abstract: "Добавить мероприятие / add an event.")
        @OptionGroup var global: GlobalOptions
        @Option(help: "Название / name.") var name: String
        @Option(help: "Дата / date.") var date: String?
        @Option(help: "Центр / centre.") var centre: String?
        @Option(parsing: .unconditional, help: "Участников / participants.") var participants = "0"

        func run() throws {
            let ctx = try Context(global)
            guard let n = Int(participants.trimmingCharacters(in: .whitespaces)), (0 ... Quantity.maximum).contains(n) else {
                throw LedgerProblem.badQuantity(participants)
            }
            let e = try ctx.store().write { tx in
                try tx.addEvent(name: name, date: try Parse.date(date, today: try tx.today()),
                                centre: try centre.map(tx.centre), participants: n)
            }
            ctx.report(.eventAdded(id: e.id, name: e.name, date: e.date), [("id", .int(Int(e.id))), ("name", .text(e.name)), ("date", .text(e.date.description))])
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "list", abstract: "Список мероприятий / list events.")
        @OptionGroup var global: GlobalOptions
        @OptionGroup var excel: ExcelOption
        @Option(help: "С даты / from.") var from: String?
        @Option(help: "По дату / to.") var to: String?
        func run() throws {
            let ctx = try Context(global, excel: excel)
            let events = try ctx.store().read { tx in
                let today = try tx.today()
                let range = try Parse.dateRange(from: from, to: to, today: today)
                return try tx.events(from: range.from, to: range.to)
            }
            ctx.show(Listings.events(events))
        }
    }
}
