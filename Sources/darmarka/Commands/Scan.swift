import ArgumentParser
import DarmarkaKit
import Foundation
#if canImport(Glibc)
import Glibc
#endif

struct Scan: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "scan", 
        abstract: "Режим сканера: коды построчно со стандартного ввода / scanner mode: codes line by line from standard input.",
        discussion: """
        USB-сканер вводит код и Enter. Каждая строка — один скан и одна транзакция; ошибочный скан \
        сообщается и пропускается. Конец: конец ввода, q или два раза Enter. С --intake или --handout \
        каждый скан записывает одну вещь. С --claim-centre заранее напечатанный код становится боксом.

        A USB scanner types the code and Enter. Each line is one scan and one transaction; a bad scan is \
        reported and skipped. Stops at end of input, q, or Enter twice. With --intake or --handout each \
        scan records one item. With --claim-centre a pre-printed code becomes a box on its first scan.
        """)
    @OptionGroup var global: GlobalOptions
    @Option(help: "Принять 1 вещь этой категории в каждый бокс / take one item of this category into each box scanned.")
    var intake: String?
    @Option(help: "Выдать 1 вещь этой категории из каждого бокса / hand out one item of this category from each box scanned.")
    var handout: String?
    @Option(help: "Получатель при выдаче / the recipient of the handouts.") var recipient: String?
    @Flag(name: .customLong("new-recipient"),
          help: "Получатель новый: зарегистрировать его код при первом скане / the recipient is new: register the code on the first scan.")
    var newRecipient = false
    @Option(help: "Волонтёр (иначе $DARMARKA_VOLUNTEER) / volunteer.") var volunteer: String?
    @Option(help: "Дата (иначе сегодня) / date, else today.") var date: String?
    @Option(name: .customLong("claim-centre"),
            help: "Заранее напечатанный код при первом скане становится боксом этого центра / the centre a pre-printed code's box joins on its first scan.")
    var claimCentre: String?
    @Flag(name: .customLong("other-centre"),
          help: "Занимать и коды, напечатанные для другого центра / claim codes printed for another centre too.")
    var otherCentre = false

    /// What every scan does, settled once before the first line is read.
    struct Plan {
        let kind: MovementKind?
        let category: NamedEntry?
        let date: LocalDate
        let claimCentre: Centre?
        let recipient: String?
        /// The recipient is registered by the first scan (`--new-recipient`).
        let newRecipient: Bool
        let volunteer: String?
        var writes: Bool { kind != nil || claimCentre != nil }
    }

    /// What one scan came to.
    struct Outcome {
        var code: String
        var centre: String
        var phrases: [Phrase] = []
        var status = "box"
        var movement: RowID?
        var claimed = false
    }

    func run() throws {
        let ctx = try Context(global)
        guard intake == nil || handout == nil else { throw LabelCLIProblem.intakeOrHandout }
        guard recipient == nil || handout != nil else { throw LabelCLIProblem.recipientOnlyForHandout }
        guard recipient != nil || !newRecipient else { throw RecipientCLIProblem.newRecipientWithoutCode }
        let store = try ctx.store()
        // Everything that would make every scan fail is refused before the first.
        let plan = try store.read { tx in
            let date = try Parse.date(date, today: try tx.today())
            if let recipient {
                if newRecipient {
                    if let known = try tx.recipient(recipient) { throw LedgerProblem.recipientExists(known.code) }
                } else {
                    do {
                        _ = try tx.handoutRecipient(recipient, .registered, on: date)
                    } catch let problem as RecipientProblem {
                        if case .unknown = problem { throw RecipientCLIProblem.unknownOrNew(problem) }
                        throw problem
                    }
                }
            }
            return Plan(kind: intake != nil ? .intake : handout != nil ? .handout : nil,
                        category: try (intake ?? handout).map(tx.category),
                        date: date,
                        claimCentre: try claimCentre.map(tx.centre), recipient: recipient, newRecipient: newRecipient,
                        volunteer: Parse.volunteerName(volunteer))
        }
        let interactive = isatty(STDIN_FILENO) == 1
        let beep = isatty(STDERR_FILENO) == 1
        if interactive { Console.err(LabelNote.scanHint.text(ctx.lang)) }

        var scans = 0, recorded = 0, claimed = 0, errors = 0, emptyLines = 0, line = 0
        var printedHeader = false
        var input = BoundedLines(limit: 4096)
        while let next = input.next() {
            line += 1
            guard case .text(let raw) = next else {
                // A QR payload is a few hundred bytes at most: this is not a scan.
                errors += 1
                if case .tooLong(let length) = next {
                    let problem = LedgerProblem.textTooLong(what: .scannedLine, length: length, limit: input.limit)
                    Console.err("darmarka: " + LabelCLIProblem.scanLine(line, problem.phrase).text(ctx.lang))
                }
                continue
            }
            let text = raw.trimmingCharacters(in: .whitespacesAndNewlines)
            if text.isEmpty {
                emptyLines += 1
                if emptyLines >= 2 { break }
                continue
            }
            emptyLines = 0
            // "й" is q typed with the Russian layout on.
            if ["q", "quit", "exit", "й", "выход"].contains(text.lowercased()) { break }
            scans += 1
            let fields: [(String, Cell)]
            do {
                let outcome = plan.writes ? try store.write { try scan(text, plan: plan, tx: $0) }
                                          : try store.read { try scan(text, plan: plan, tx: $0) }
                if outcome.movement != nil { recorded += 1 }
                if outcome.claimed { claimed += 1 }
                fields = [("line", .int(line)), ("input", .text(text)), ("status", .text(outcome.status)),
                          ("box", .text(outcome.code)), ("centre", .text(outcome.centre)),
                          ("movement", outcome.movement.map { .int(Int($0)) } ?? .none),
                          ("message", .text(outcome.phrases.map { $0.text(ctx.lang) }.joined(separator: " ")))]
                if ctx.format == .table { say(outcome.phrases.map { $0.text(ctx.lang) }.joined(separator: " ")) }
            } catch {
                errors += 1
                // The store says database errors as problems of its own.
                let problem: Localized = (error as? UserFacingError) ?? LedgerProblem.unexpected("\(error)")
                let message = LabelCLIProblem.scanLine(line, problem.phrase).text(ctx.lang)
                Console.err("darmarka: " + message + (beep ? "\u{7}" : ""))
                fields = [("line", .int(line)), ("input", .text(text)), ("status", .text("error")), ("box", .none),
                          ("centre", .none), ("movement", .none), ("message", .text(problem.text(ctx.lang)))]
            }
            let listing = Listing(columns: fields.map { Column.field($0.0) }, rows: [fields.map(\.1)])
            switch ctx.format {
            case .table: break
            case .json: say(listing.jsonObjects().joined())
            case .csv:
                // The header once, then one row per scan.
                let csv = listing.csv(ctx.lang)
                let header = Listing(columns: listing.columns).csv(ctx.lang)
                say(printedHeader ? String(csv.dropFirst(header.count)) : csv, newline: false)
                printedHeader = true
            }
        }
        let summary = LabelNote.scanSummary(scans: scans, recorded: recorded, claimed: claimed, errors: errors)
        switch ctx.format {
        case .table: say(summary.text(ctx.lang))
        case .json: say("{\"scans\": \(scans), \"recorded\": \(recorded), \"claimed\": \(claimed), \"errors\": \(errors)}")
        case .csv: Console.err(summary.text(ctx.lang))
        }
        if errors > 0 { Darmarka.exit(withError: ExitCode.failure) }
    }

    /// One scan in its own transaction: find the box (claiming a pre-printed
    /// code when asked), then record one item if asked.
    func scan(_ text: String, plan: Plan, tx: LedgerTransaction) throws -> Outcome {
        var outcome: Outcome
        let box: Box
        switch try tx.resolve(text) {
        case .box(let found):
            box = found
            outcome = Outcome(code: box.code.description, centre: box.centreCode)
        case .unclaimed(let code, let issuedFor):
            guard let centre = plan.claimCentre else {
                if plan.kind != nil { throw LabelCLIProblem.unclaimedCode(code: code.description, centre: issuedFor.code) }
                return Outcome(code: code.description, centre: issuedFor.code,
                               phrases: [LabelNote.scannedUnclaimed(code: code.description, centre: issuedFor.code).phrase],
                               status: "unclaimed")
            }
            box = try tx.addBox(centre: centre, name: nil, kind: .collection, claiming: code, otherCentre: otherCentre)
            outcome = Outcome(code: box.code.description, centre: box.centreCode,
                              phrases: [Note.boxAdded(code: box.code.description, centre: box.centreCode).phrase],
                              status: "claimed", claimed: true)
        }
        guard let kind = plan.kind, let category = plan.category else {
            if !outcome.claimed {
                let items = try tx.stock(box: box).reduce(0) { $0 + $1.quantity }
                outcome.phrases.append(LabelNote.scanned(code: box.code.description, name: box.name, centre: box.centreCode,
                                                         items: items).phrase)
            }
            return outcome
        }
        var recipientID: RowID?
        if let code = plan.recipient {
            // Said new and not registered before the first scan: the first
            // scan that records registers them, the later ones find them.
            let found = try tx.handoutRecipient(code, plan.newRecipient ? .whenNew : .registered, on: plan.date)
            recipientID = found.recipient.id
            if found.isNew { outcome.phrases.append(Note.recipientRegistered(code: found.recipient.code).phrase) }
        }
        let draft = MovementDraft(kind: kind, date: plan.date, fromBox: kind == .handout ? box.id : nil,
                                  toBox: kind == .intake ? box.id : nil, recipientID: recipientID,
                                  volunteerID: try plan.volunteer.map(tx.volunteer(named:)),
                                  lines: [LineDraft(categoryID: category.id, quantity: 1)])
        let id = try tx.record(draft)
        outcome.movement = id
        outcome.status = "recorded"
        outcome.phrases.append(Note.recorded(id: id, kind: kind, quantity: 1, category: category.names,
                                             box: box.code.description).phrase)
        return outcome
    }

    /// Scans are printed as they happen, so a pipe or a terminal sees each at once.
    private func say(_ text: String, newline: Bool = true) {
        Console.out(text, terminator: newline ? "\n" : "")
    }
}
