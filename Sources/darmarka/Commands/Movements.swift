import ArgumentParser
import DarmarkaKit
import Foundation

/// What a line of a movement holds.
struct LineOptions: ParsableArguments {
    @Option(help: "Категория: код, название или другое имя / category.") var category: String
    @Option(parsing: .unconditional, help: "Сколько штук / how many items.") var quantity: String
    @Option(parsing: .unconditional, help: "Вес, кг / weight in kg (2,5 or 2.5).") var kg: String?
    @Option(help: "Состояние (ремонт — требует ремонта или стирки) / condition (repair: needs repair or washing).") var condition: Condition?

    func typed() throws -> [TypedLine] {
        [TypedLine(category: category, quantity: try Parse.quantity(quantity), grams: try Parse.kilograms(kg),
                   condition: condition)]
    }
}

/// The lines of an intake or a handout: one by `--category` and
/// `--quantity`, or several by `--line`, which are one movement (one visit).
struct LinesOptions: ParsableArguments {
    @Option(name: .customLong("line"),
            help: "Строка КАТЕГОРИЯ:ШТУК[:КГ], можно несколько раз / a line CATEGORY:QTY[:KG], repeatable (shoes:2, kids:3:1,2).")
    var lines: [String] = []
    @Option(help: "Категория: код, название или другое имя / category.") var category: String?
    @Option(parsing: .unconditional, help: "Сколько штук / how many items.") var quantity: String?
    @Option(parsing: .unconditional, help: "Вес, кг / weight in kg (2,5 or 2.5).") var kg: String?
    @Option(help: "Состояние, для всех строк (ремонт — требует ремонта или стирки) / condition, for every line (repair: needs repair or washing).")
    var condition: Condition?

    func typed() throws -> [TypedLine] {
        guard !lines.isEmpty else {
            guard let category, let quantity else {
                throw category == nil && quantity == nil ? MovementLineProblem.noLine : MovementLineProblem.categoryWithoutQuantity
            }
            return [TypedLine(category: category, quantity: try Parse.quantity(quantity), grams: try Parse.kilograms(kg),
                              condition: condition)]
        }
        // Two ways of saying the lines at once leave it open which was meant.
        guard category == nil, quantity == nil, kg == nil else { throw MovementLineProblem.lineAndCategory }
        return try lines.map { text in
            guard let parts = LineText.split(text) else { throw MovementLineProblem.badLine(text) }
            return TypedLine(category: parts.category, quantity: try Parse.quantity(parts.quantity),
                             grams: try Parse.kilograms(parts.kg), condition: condition)
        }
    }
}

/// A line as typed, its numbers read, its category still a name.
struct TypedLine {
    let category: String
    let quantity: Int
    let grams: Grams?
    let condition: Condition?
}

/// When and by whom.
struct EntryOptions: ParsableArguments {
    @Option(help: "Дата (иначе сегодня) / date, else today.") var date: String?
    @Option(help: "Время / time, 14:30.") var time: String?
    @Option(help: "Волонтёр (иначе $DARMARKA_VOLUNTEER) / volunteer.") var volunteer: String?
    @Option(help: "Примечание / note.") var note: String?
}

/// The shared path of every movement command: resolve what was typed, build
/// the draft, record it in one transaction.
struct Recording {
    let ctx: Context
    let lines: [TypedLine]
    let entry: EntryOptions

    struct Outcome {
        let id: RowID
        let lines: [(category: NamedEntry, quantity: Int)]
        let newRecipient: String?
        /// The boxes in canonical form, however they were typed.
        let from: String?
        let to: String?
    }

    func record(kind: MovementKind, from: String?, to: String?, recipient: String? = nil,
                registration: RecipientRegistration = .registered, group: String? = nil,
                household: Int? = nil, event: String? = nil, reason: String? = nil) throws -> Outcome {
        if recipient == nil, group != nil || household != nil { throw LedgerProblem.recipientDetailsWithoutRecipient }
        if recipient == nil, registration == .new { throw RecipientCLIProblem.newRecipientWithoutCode }
        let time = try Parse.time(entry.time)
        var named: [String] = []
        defer { NoteWarning.say(named, ctx) }
        return try ctx.store().write { tx in
            let date = try Parse.date(entry.date, today: try tx.today())
            let categories = try lines.map { try tx.category($0.category) }
            let fromBox = try from.map(tx.box)
            let toBox = try to.map(tx.box)
            var recipientID: RowID?
            var registered: String?
            if let recipient {
                do {
                    let found = try tx.handoutRecipient(recipient, registration, group: try group.map(tx.group),
                                                        household: household, on: date)
                    recipientID = found.recipient.id
                    if found.isNew { registered = found.recipient.code }
                } catch let problem as RecipientProblem {
                    // Only the command line knows how a new card is said.
                    if case .unknown = problem { throw RecipientCLIProblem.unknownOrNew(problem) }
                    throw problem
                }
            }
            let note = [entry.note, reason].compactMap { $0 }.joined(separator: "; ")
            let draft = MovementDraft(
                kind: kind, date: date, time: time, fromBox: fromBox?.id, toBox: toBox?.id,
                recipientID: recipientID, eventID: try event.map { try tx.event($0, on: date).id },
                volunteerID: try Parse.volunteerName(entry.volunteer).map(tx.volunteer(named:)),
                note: note.isEmpty ? nil : note,
                lines: zip(lines, categories).map { line, category in
                    LineDraft(categoryID: category.id, quantity: line.quantity, grams: line.grams, condition: line.condition)
                })
            let id = try tx.record(draft)
            named = try draft.note.map(tx.recipientCodes(namedIn:)) ?? []
            return Outcome(id: id, lines: zip(categories, lines).map { ($0, $1.quantity) },
                           newRecipient: registered, from: fromBox?.code.description, to: toBox?.code.description)
        }
    }

    func report(_ outcome: Outcome, kind: MovementKind) {
        if let fresh = outcome.newRecipient, ctx.format == .table { ctx.say(.recipientRegistered(code: fresh)) }
        let box = outcome.from ?? outcome.to ?? ""
        let said = outcome.lines.map { SaidLine(quantity: $0.quantity, category: $0.category.names) }
        let note: Note
        if said.count > 1 {
            note = .empty(MovementLinesNote.recorded(id: outcome.id, kind: kind, lines: said, box: box).phrase)
        } else if kind == .transfer {
            note = .transferred(id: outcome.id, quantity: said[0].quantity, category: said[0].category, from: box, to: outcome.to ?? "")
        } else {
            note = .recorded(id: outcome.id, kind: kind, quantity: said[0].quantity, category: said[0].category, box: box)
        }
        // One line keeps its category and quantity; several give their
        // categories in order and the items in all.
        var fields: [(String, Cell)] = [("id", .int(Int(outcome.id))), ("kind", .text(kind.rawValue)),
                                        ("category", .text(outcome.lines.map(\.category.code).joined(separator: ","))),
                                        ("quantity", .int(outcome.lines.reduce(0) { $0 + $1.quantity }))]
        if outcome.lines.count > 1 { fields.append(("lines", .int(outcome.lines.count))) }
        if let fresh = outcome.newRecipient { fields.append(("newRecipient", .text(fresh))) }
        ctx.report(note, fields)
    }
}

struct Intake: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "intake", abstract: "Приём вещей в бокс / things put into a box.")
    @OptionGroup var global: GlobalOptions
    @Option(help: "Бокс / box code.") var box: String
    @OptionGroup var line: LinesOptions
    @OptionGroup var entry: EntryOptions

    func run() throws {
        let r = Recording(ctx: try Context(global), lines: try line.typed(), entry: entry)
        let outcome = try r.record(kind: .intake, from: nil, to: box)
        r.report(outcome, kind: .intake)
    }
}

struct Handout: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "handout", abstract: "Выдача вещей / things handed out.")
    @OptionGroup var global: GlobalOptions
    @Option(help: "Бокс / box code.") var box: String
    @OptionGroup var line: LinesOptions
    @Option(help: "Код получателя / recipient code.") var recipient: String?
    @Flag(name: .customLong("new-recipient"),
          help: "Получатель новый: зарегистрировать его код / the recipient is new: register the code.")
    var newRecipient = false
    @Option(help: "Группа нового получателя / group of a new recipient.") var group: String?
    @Option(parsing: .unconditional, help: "Человек в семье нового получателя / household of a new recipient.") var household: String?
    @Option(help: "Мероприятие: номер или название / event.") var event: String?
    @OptionGroup var entry: EntryOptions

    func run() throws {
        let size = try household.map { text in
            guard let n = Int(text), (1...50).contains(n) else { throw LedgerProblem.badHouseholdSize(text) }
            return n
        }
        let r = Recording(ctx: try Context(global), lines: try line.typed(), entry: entry)
        let outcome = try r.record(kind: .handout, from: box, to: nil, recipient: recipient,
                                   registration: newRecipient ? .new : .registered, group: group, household: size, event: event)
        r.report(outcome, kind: .handout)
    }
}

struct Transfer: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "transfer", abstract: "Перемещение между боксами / move between boxes.")
    @OptionGroup var global: GlobalOptions
    @Option(help: "Из бокса / from box.") var from: String
    @Option(help: "В бокс / to box.") var to: String
    @OptionGroup var line: LineOptions
    @OptionGroup var entry: EntryOptions

    func run() throws {
        let r = Recording(ctx: try Context(global), lines: try line.typed(), entry: entry)
        let outcome = try r.record(kind: .transfer, from: from, to: to)
        r.report(outcome, kind: .transfer)
    }
}

struct Writeoff: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "writeoff", abstract: "Списание (ветошь, утиль) / write-off.")
    @OptionGroup var global: GlobalOptions
    @Option(help: "Бокс / box code.") var box: String
    @OptionGroup var line: LineOptions
    @Option(help: "Причина / reason.") var reason: String?
    @OptionGroup var entry: EntryOptions

    func run() throws {
        let r = Recording(ctx: try Context(global), lines: try line.typed(), entry: entry)
        let outcome = try r.record(kind: .writeoff, from: box, to: nil, reason: reason)
        r.report(outcome, kind: .writeoff)
    }
}

struct Count: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "count", abstract: "Инвентаризация: записать, сколько насчитано / a stock take.")
    @OptionGroup var global: GlobalOptions
    @Option(help: "Бокс / box code.") var box: String
    @Option(help: "Категория / category.") var category: String
    @Option(parsing: .unconditional, help: "Сколько насчитано (можно 0) / how many were counted.") var quantity: String
    @OptionGroup var entry: EntryOptions

    func run() throws {
        let ctx = try Context(global)
        let t = quantity.trimmingCharacters(in: .whitespaces)
        guard let counted = t == "0" ? 0 : Quantity.parse(t) else { throw LedgerProblem.badQuantity(quantity) }
        let time = try Parse.time(entry.time)
        var named: [String] = []
        defer { NoteWarning.say(named, ctx) }
        let (id, box, cat, before) = try ctx.store().write { tx -> (RowID?, Box, NamedEntry, Int) in
            let date = try Parse.date(entry.date, today: try tx.today())
            let box = try tx.box(self.box)
            let cat = try tx.category(category)
            let before = try tx.stock(box: box.id, category: cat.id, on: date).quantity
            let difference = counted - before
            // A count that agrees is a confirmation: nothing to record.
            guard difference != 0 else { return (nil, box, cat, before) }
            let draft = MovementDraft(kind: .adjustment, date: date, time: time,
                                      fromBox: difference < 0 ? box.id : nil, toBox: difference > 0 ? box.id : nil,
                                      volunteerID: try Parse.volunteerName(entry.volunteer).map(tx.volunteer(named:)),
                                      note: entry.note, lines: [LineDraft(categoryID: cat.id, quantity: abs(difference))])
            let id = try tx.record(draft)
            named = try draft.note.map(tx.recipientCodes(namedIn:)) ?? []
            return (id, box, cat, before)
        }
        let name = cat.names
        let fields: [(String, Cell)] = [("id", id.map { .int(Int($0)) } ?? .none), ("box", .text(box.code.description)),
                                       ("category", .text(cat.code)), ("before", .int(before)), ("counted", .int(counted))]
        if let id {
            ctx.report(.adjusted(id: id, box: box.code.description, category: name, from: before, to: counted), fields)
        } else {
            ctx.report(.countAgrees(box: box.code.description, category: name, quantity: counted), fields)
        }
    }
}

struct Undo: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "undo", abstract: "Отменить движение обратным / undo a movement by reversing it.")
    @OptionGroup var global: GlobalOptions
    @Argument(help: "Номер движения из history / movement number.") var id: String
    @Option(help: "Волонтёр / volunteer.") var volunteer: String?
    @Flag(name: [.customLong("yes"), .customShort("y")], help: "Не спрашивать подтверждения / do not ask to confirm.") var yes = false

    func run() throws {
        let ctx = try Context(global)
        let number = try Parse.movementID(id)
        let store = try ctx.store()
        // Said before it is done, so that a mistyped number is caught.
        let movement = try store.read { tx in
            guard let m = try tx.movement(number) else { throw LedgerProblem.unknownMovement(id) }
            if m.reverses != nil { throw LedgerProblem.cannotUndoReversal(number) }
            if let by = m.reversedBy { throw LedgerProblem.alreadyUndone(number, by: by) }
            return m
        }
        if Confirmation.shouldAsk(yes: yes, stdinIsTerminal: isatty(STDIN_FILENO) == 1, stdoutIsTerminal: isatty(STDOUT_FILENO) == 1) {
            Console.out(UndoText.movement(movement).text(ctx.lang))
            Console.out(UndoText.question.text(ctx.lang), terminator: "")
            fflush(nil)
            guard Confirmation.accepts(readLine()) else {
                ctx.say(.empty(UndoText.declined))
                return
            }
        }
        let reversal = try store.write { tx in
            try tx.undo(number, volunteer: try Parse.volunteerName(volunteer).map(tx.volunteer(named:)))
        }
        ctx.report(.empty(UndoText.undone(movement, by: reversal)), [("undone", .int(Int(number))), ("id", .int(Int(reversal)))])
    }
}

/// A note that names a registered recipient's code is recorded, with a
/// warning on standard error: a forget would have to redact it.
enum NoteWarning {
    static func say(_ codes: [String], _ ctx: Context) {
        guard !codes.isEmpty else { return }
        Console.err(SealText.noteNamesRecipient(codes).text(ctx.lang))
    }
}
