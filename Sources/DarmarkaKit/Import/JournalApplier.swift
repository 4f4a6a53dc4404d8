#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import DarmarkaCore
import Foundation

/// The state of one journal import: names resolved so far, and the sums of
/// what the rows did to stock, flows and visits.
final class JournalApplier {
    private let session: ImportSession
    private let file: String
    private let columns: JournalColumns
    private let dryRun: Bool
    var problems: ProblemList
    var summary: ImportSummary

    private var earlier: EarlierRows
    /// The centre's today: no row may be dated after it, as `record` refuses.
    private let today: LocalDate
    private var names: CatalogueNames
    /// The fingerprints of the rows this import brings in, not yet stored.
    private var prints: [UInt64] = []
    /// Rows of people forgotten since an earlier import brought them in,
    /// fingerprinted without person and note (`forgottenRows`).
    private var forgottenEarlier: EarlierRows
    /// This import's fingerprints of rows naming a recipient, per recipient,
    /// with and without the person and the note: kept apart for a forget.
    private var personPrints: [RowID: (prints: [UInt64], anonymous: [UInt64])] = [:]
    /// How many prints `personPrints` holds, over all people.
    private var personPrintsHeld = 0
    /// How many rows this import brings in.
    private var newRows = 0

    private let boxes: [ImportBox]
    private let boxIndex: [BoxCode: Int]
    /// Places in `boxes` and `categories` by id, for the movements a correction undoes.
    private let boxByID: [RowID: Int]
    private let categoryByID: [RowID: Int]
    private let categories: [NamedEntry]
    private let categoryMatcher: CategoryMatcher
    private let categoryIndexByID: [RowID: Int]
    /// Each distinct text's category, or why it names none: matched once.
    private var categoryByText: [UTF8Key: Result<Int, CatalogueWordProblem>] = [:]
    private let groups: [NamedEntry]
    private let groupMatcher: CategoryMatcher
    private var groupByText: [UTF8Key: Result<RowID, CatalogueWordProblem>] = [:]
    private var recipients: [UTF8Key: RowID] = [:]
    /// Each distinct code as written, keyed as the store finds it: folding
    /// look-alikes once per spelling, not once per row.
    private var recipientKeys: [UTF8Key: UTF8Key] = [:]
    /// Recipients this import registered, with the first day they came.
    private var registeredOn: [RowID: LocalDate] = [:]
    private var events: [EventKey: RowID] = [:]
    private var volunteers: [UTF8Key: RowID] = [:]

    /// Per box and category (see `PairKey`), what the rows did on each day.
    private var pairIndex: [UInt64: Int] = [:]
    private var pairs: [(key: UInt64, days: DayFlows)] = []
    private var flows: [FlowCell: FlowSums] = [:]
    private var visits: [VisitKey: Int] = [:]
    /// Each recipient's first new visit day of this import, written at the end.
    private var firstVisits: [RowID: Int] = [:]
    /// Movements per volunteer and month: a handful of rows, written at the end.
    private var volunteerMonths: [VolunteerMonth: Int] = [:]
    /// What was written per operation, by `JournalOperation.rawValue`.
    private var totals = [ImportSummary.Totals](repeating: ImportSummary.Totals(), count: JournalOperation.allCases.count)
    /// The movement the last row went into, which the next row may add a line to.
    private var open: (head: MovementHead, id: RowID)?

    /// Kilograms valued by moving average as the rows come, while they come
    /// in date order after everything in the ledger (a journal usually
    /// does): then each row is last in the valuation's order when it comes.
    /// Otherwise `finish` values the file's days again from its first.
    private var valuation = KilogramValuation()
    private var valuingInOrder = true
    /// The last day valued so far; first, the ledger's last day.
    private var valuedUpTo: Int
    /// Lines whose grams are not their own weight, for `line_valuation`.
    private var valuations: [(movement: RowID, line: Int, grams: Int64)] = []

    init(tx: SQLiteLedger, file: String, columns: JournalColumns, categories: [NamedEntry], groups: [NamedEntry],
         options: ImportOptions) throws {
        session = try ImportSession(tx: tx, kind: .journal, fileName: file)
        try session.enlargeCache()
        self.file = file
        self.columns = columns
        dryRun = options.dryRun
        problems = ProblemList(limit: options.problemLimit)
        summary = ImportSummary(file: file, kind: .journal, dryRun: options.dryRun)
        summary.ignoredColumns = columns.unknown.map(\.title)
        earlier = try session.earlierRows()
        forgottenEarlier = try session.forgottenRows()
        today = try tx.today()
        valuedUpTo = try session.lastLedgerDay()?.dayNumber ?? Int.min
        boxes = Array(try session.boxes().values).sorted { $0.id < $1.id }
        boxIndex = Dictionary(uniqueKeysWithValues: boxes.enumerated().map { ($1.code, $0) })
        self.categories = categories
        categoryMatcher = CategoryMatcher(entries: categories, synonyms: Seed.words)
        categoryIndexByID = Dictionary(uniqueKeysWithValues: categories.enumerated().map { ($1.id, $0) })
        self.groups = groups
        groupMatcher = CategoryMatcher(entries: groups)
        boxByID = Dictionary(boxes.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { a, _ in a })
        categoryByID = Dictionary(categories.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { a, _ in a })
        names = CatalogueNames(categories: categoryMatcher, groups: groupMatcher)
        guard boxes.count < PairKey.limit, categories.count < PairKey.limit else {
            throw LedgerProblem.unexpected("too many boxes or categories for one import")
        }
    }

    /// Runs `body` on a thread of its own while this thread, the
    /// connection's, does the database's part of what it asks (see
    /// `ConnectionPump`); when it returns, everything is back on this
    /// thread. A failure of the database's part is thrown first.
    func pumping<T>(_ body: @escaping () throws -> T) throws -> T {
        let pump = ConnectionPump()
        let outcome = PumpedOutcome(body)
        session.pump = pump
        defer { session.pump = nil }
        let thread = Thread { [outcome, pump] in
            outcome.run()
            pump.finish()
        }
        thread.name = "darmarka import rows"
        thread.stackSize = 4 << 20
        thread.start()
        try pump.serve()
        // `finish` came after the result, under the pump's lock.
        guard let result = outcome.result else { throw LedgerProblem.unexpected("import: the rows' thread gave no result") }
        return try result.get()
    }

    /// Ends the session's changes to the connection.
    func close() {
        try? session.close()
    }

    private func problem(_ row: JournalRow, _ field: JournalField?, _ message: ImportMessage) {
        problems.add(JournalProblem(line: row.line, field: field, column: field.map(columns.title(of:)), message: message))
    }

    /// Checks and writes one row, unless an earlier batch brought it in.
    /// A row that names a movement of the ledger by number waits for the
    /// other rows of that movement, which come next (see `settle`).
    func apply(_ row: JournalRow, print: UInt64, typedPrint: UInt64, anonymous: UInt64 = 0) throws {
        if let number = ledgerMovement(row) {
            if pending?.number != number {
                try settle()
                pending = (number, [])
            }
            pending?.rows.append((row, print, typedPrint, anonymous))
            return
        }
        try settle()
        try applyNew(row, print: print, typedPrint: typedPrint, anonymous: anonymous)
    }

    /// The movement of the ledger before this import that the row names by
    /// number, as `export journal` writes it; nil for a row without one, or
    /// with a number the ledger had not reached (a file's own grouping).
    private func ledgerMovement(_ row: JournalRow) -> RowID? {
        guard let text = row.movement, let number = RowID(text.trimmingCharacters(in: .whitespaces)),
              number >= 1, number <= session.ledgerEnd else { return nil }
        return number
    }

    /// Rows naming one movement of the ledger, held until the rows of another begin.
    private var pending: (number: RowID, rows: [(row: JournalRow, print: UInt64, typedPrint: UInt64, anonymous: UInt64)])?
    /// Movements this import corrected, with the line of their first row.
    private var corrected: [RowID: Int] = [:]

    /// Judges the rows held for one movement of the ledger against its lines,
    /// as the export would write them. Rows that say what its lines say
    /// (all of them, or the first few) are in the ledger already. Rows that
    /// say something else correct it: the movement is undone, as `undo` does,
    /// and the rows are recorded as a new movement, all of its lines as the
    /// file now reads, since a movement is undone whole. A movement that is
    /// a reversal, or not there, has no lines: its rows are new rows.
    private func settle() throws {
        guard let group = pending else { return }
        pending = nil
        let number = group.number
        let lines = try session.onConnection { [session] in try session.tx.exportedRows(movement: number) }
        guard !lines.isEmpty else {
            for r in group.rows { try applyNew(r.row, print: r.print, typedPrint: r.typedPrint, anonymous: r.anonymous) }
            return
        }
        let same = group.rows.count <= lines.count
            && zip(group.rows, lines).allSatisfy { r, line in names.fingerprint(of: line) == r.print }
        if same {
            for r in group.rows {
                // As a row without a number: it uses up the earlier row it matches.
                if earlier.count > 0 { _ = earlier.consume(r.print) || (r.typedPrint != r.print && earlier.consume(r.typedPrint)) }
                summary.skipped += 1
            }
            return
        }
        // Rows an earlier batch brought in: this correction was made already.
        if earlier.count > 0,
           group.rows.allSatisfy({ earlier.consume($0.print) || ($0.typedPrint != $0.print && earlier.consume($0.typedPrint)) }) {
            summary.skipped += group.rows.count
            return
        }
        let first = group.rows[0].row
        func refuse(_ problem: CorrectionProblem) {
            self.problem(first, .movement, .correction(problem))
        }
        if let line = corrected[group.number] { return refuse(.apart(group.number, line: line)) }
        let movement = try session.onConnection { [session] in try session.movementToReverse(number) }
        if let by = movement?.reversedBy { return refuse(.undone(group.number, by: by)) }
        guard let movement else { throw LedgerProblem.unexpected("movement \(group.number): lines without a movement") }
        if group.rows.count < lines.count {
            return refuse(.missingLines(group.number, lines: lines.count, rows: group.rows.count))
        }
        if let other = group.rows.first(where: { !ImportCorrection.isSameMovement($0.row, as: lines[0]) }) {
            let was = ImportCorrection.describe(lines[0])
            problem(other.row, .movement, .correction(.otherMovement(group.number, was: was)))
            return
        }
        corrected[group.number] = first.line
        summary.corrected += 1
        if summary.corrections.count < 100 {
            summary.corrections.append(ImportCorrection(movement: group.number, line: first.line, before: lines,
                                                        after: group.rows.map { byCode($0.row) }))
        }
        try reverse(movement, line: first.line)
        for r in group.rows { try applyNew(r.row, print: r.print, typedPrint: r.typedPrint, anonymous: r.anonymous, earlierChecked: true) }
    }

    /// The row with its category and group by code, as the ledger's rows are.
    private func byCode(_ row: JournalRow) -> JournalRow {
        var row = row
        if case .success(let i) = categoryIndex(row.category) { row.category = categories[i].code }
        row.group = row.group.map { groupMatcher.match($0).code ?? $0 }
        return row
    }

    /// Undoes a movement of the ledger within the import, as `undo` would:
    /// the reversal goes into the ledger now, its stock and flows into the
    /// import's sums, so that the stock check at the end sees it with the
    /// rows that replace it, and a shortage it causes is the row's problem.
    private func reverse(_ m: MovementToReverse, line: Int) throws {
        let day = m.date.dayNumber
        let from = m.from.flatMap { boxByID[$0] }, to = m.to.flatMap { boxByID[$0] }
        guard (m.from == nil) == (from == nil), (m.to == nil) == (to == nil) else {
            throw LedgerProblem.unexpected("movement \(m.id): box")
        }
        for (i, l) in m.lines.enumerated() {
            guard let category = categoryByID[l.category] else {
                throw LedgerProblem.unexpected("movement \(m.id): category \(l.category)")
            }
            // Its own weight in the ledger; in stock, what it took by moving
            // average, which undoing it puts back, as `undo` does.
            let recorded = l.grams?.value ?? 0, valued = l.valued ?? recorded
            if let from { addStock(box: from, category: category, day: day, quantity: l.quantity, grams: valued, line: line) }
            if let to { addStock(box: to, category: category, day: day, quantity: -l.quantity, grams: -valued, line: line) }
            let cell = FlowCell(month: YearMonth(m.date), kind: m.kind, from: from, to: to, category: category,
                                condition: l.condition, atEvent: m.event != nil, withRecipient: m.recipient != nil)
            flows[cell, default: FlowSums()].add(quantity: l.quantity, grams: l.grams, firstLine: i == 0, sign: -1)
            flows[cell]?.estimated += recorded - valued
        }
        // Without it the average of its boxes changes from its day on: `finish`
        // values the kilograms again from the first day the file touched
        // (which is no later than this movement's), not as the rows come.
        valuingInOrder = false
        guard problems.isEmpty else { return }
        try session.insertReversal(of: m)
        if m.kind == .handout, let recipient = m.recipient {
            // The visits summed so far go in first: the reversal may take
            // away a day they added to.
            try flushVisits()
            try session.onConnection { [session] in try session.tx.removeHandouts(1, recipient: recipient, day: m.date) }
        }
    }

    /// Checks and writes one row that no movement of the ledger holds,
    /// unless an earlier batch brought it in: a batch of this version by
    /// `print`, an older one by `typedPrint`.
    private func applyNew(_ row: JournalRow, print: UInt64, typedPrint: UInt64, anonymous: UInt64, earlierChecked: Bool = false) throws {
        if !earlierChecked, earlier.count > 0, earlier.consume(print) || (typedPrint != print && earlier.consume(typedPrint)) {
            summary.skipped += 1
            return
        }
        if !earlierChecked, try isForgottenPersonsRow(row, anonymous: anonymous) {
            summary.skipped += 1
            return
        }
        newRows += 1
        if row.recipient == nil { try keepPrint(print) }
        var ok = true
        func report(_ field: JournalField?, _ message: ImportMessage) {
            problem(row, field, message)
            ok = false
        }

        var facts = MovementFacts(kind: row.operation, date: row.date, today: today)
        let box = boxIndex[row.box]
        if box == nil { report(.box, .unknownBox(row.box.description)) }
        var toBox: Int?
        if let code = row.toBox {
            toBox = boxIndex[code]
            if toBox == nil { report(.toBox, .unknownBox(code.description)) }
        }
        if row.operation == .intake, let b = box, boxes[b].retired { facts.retiredDestination = row.box.description }
        if row.operation == .transfer, let b = toBox, boxes[b].retired {
            facts.retiredDestination = boxes[b].code.description
            facts.destinationIsToBox = true
        }
        var category: Int?
        switch categoryIndex(row.category) {
        case .success(let index): category = index
        case .failure(let problem): report(.category, .words(problem))
        }
        var groupID: RowID?
        if let text = row.group {
            switch group(text) {
            case .success(let id): groupID = id
            case .failure(let problem): report(.group, .words(problem))
            }
        }
        var recipientID: RowID?
        if let text = row.recipient {
            if let code = recipientCode(text) {
                // A row dated after today is refused above; it registers nobody.
                if row.date <= today {
                    do {
                        recipientID = try recipient(code, group: groupID, on: row.date)
                    } catch let problem as RecipientProblem {
                        report(.recipient, .recipient(problem))
                    }
                }
                if let id = recipientID, forgotten.contains(id) { facts.forgottenRecipient = text }
            } else {
                report(.recipient, .badRecipientCode(text))
            }
        }
        // The rules `record` applies, in one place (`Ledger.refusals`).
        for refusal in Ledger.refusals(facts) { report(refusal.field, ImportMessage(refusal.problem)) }
        var eventID: RowID?
        if let name = row.event, let b = box { eventID = try event(name, on: row.date, centre: boxes[b].centreID) }
        let volunteerID = try row.volunteer.map(volunteer)
        if row.recipient != nil {
            if let recipientID { try keepPersonPrint(print, anonymous: anonymous, recipient: recipientID) } else { try keepPrint(print) }
        }
        guard ok, let box, let category else { return }

        let (from, to): (Int?, Int?) = switch row.operation {
        case .intake: (nil, box)
        case .handout, .writeoff: (box, nil)
        case .transfer: (box, toBox)
        case .adjustment: row.adjustment == .shortage ? (box, nil) : (nil, box)
        }
        let fromID = from.map { boxes[$0].id }, toID = to.map { boxes[$0].id }
        let head = MovementHead(number: row.movement, date: row.date, time: row.time, kind: row.operation,
                                from: fromID, to: toID, recipient: recipientID, event: eventID,
                                volunteer: volunteerID, note: row.note)
        var firstLine = true
        if let number = row.movement, let open, open.head.number == number {
            guard open.head == head else {
                problem(row, .movement, .movementRowsDiffer(number))
                return
            }
            firstLine = false
        }

        let day = row.date.dayNumber
        let quantity = row.quantity
        let categoryID = categories[category].id
        let recorded = row.weight?.value ?? 0
        let grams = try value(day: day, from: fromID, to: toID, category: categoryID, quantity: quantity, weighed: row.weight?.value)
        if let from { addStock(box: from, category: category, day: day, quantity: -quantity, grams: -grams, line: row.line) }
        if let to { addStock(box: to, category: category, day: day, quantity: quantity, grams: grams, line: row.line) }
        let flowKey = FlowCell(month: YearMonth(row.date), kind: row.operation, from: from, to: to, category: category,
                               condition: row.condition, atEvent: eventID != nil, withRecipient: recipientID != nil)
        flows[flowKey, default: FlowSums()].add(quantity: quantity, grams: row.weight, firstLine: firstLine)
        flows[flowKey]?.estimated += grams - recorded
        // Bounded like the visits: `flow_month` adds up what it is given.
        if flows.count >= 1 << 14 { try flushFlows() }

        let operation = JournalOperation(row.operation, side: row.adjustment)
        totals[operation.rawValue].add(quantity: quantity, grams: recorded, firstLine: firstLine)

        // Once anything is wrong the file will not be imported: stop writing,
        // go on checking.
        guard problems.isEmpty else {
            open = (head, 0)
            return
        }
        if firstLine, row.operation == .handout, let recipientID {
            visits[VisitKey(recipient: recipientID, day: day), default: 0] += 1
            // A bounded map: the table adds up whatever it is given.
            if visits.count >= 1 << 14 { try flushVisits() }
        }
        let movementID: RowID
        if firstLine {
            if let volunteerID { volunteerMonths[VolunteerMonth(month: YearMonth(row.date), volunteer: volunteerID), default: 0] += 1 }
            movementID = try session.insertMovement(kind: row.operation, date: row.date, time: row.time?.description,
                                                    from: fromID, to: toID, recipient: recipientID, event: eventID,
                                                    volunteer: volunteerID, note: row.note)
        } else {
            movementID = open?.id ?? 0
        }
        open = (head, movementID)
        let line = try session.insertLine(movement: movementID, category: categoryID, quantity: quantity, grams: row.weight,
                                          condition: row.condition)
        if grams != recorded {
            valuations.append((movementID, line, grams))
            if valuations.count >= 1 << 14 { try flushValuations() }
        }
    }

    /// The grams a row moves: while rows come in the valuation's order, as
    /// valued by moving average; else its own weight until `finish` values
    /// the file's days again.
    private func value(day: Int, from: RowID?, to: RowID?, category: RowID, quantity: Int, weighed: Int64?) throws -> Int64 {
        if valuingInOrder, day < valuedUpTo { valuingInOrder = false }
        guard valuingInOrder else { return weighed ?? 0 }
        valuedUpTo = day
        for box in [from, to].compactMap({ $0 }) {
            let key = KilogramValuation.Key(box: box, category: category)
            if !valuation.knows(key) {
                valuation.open(key, with: try session.onConnection { [session] in try session.valuedStock(box: box, category: category) })
            }
        }
        return valuation.apply(ValuationLine(from: from, to: to, category: category, quantity: quantity, weighed: weighed))
    }

    /// After the last row: the digest, the stock check, and if all is well
    /// the derived tables and the batch.
    func finish(digest: String) throws -> ImportOutcome {
        try settle()
        for op in JournalOperation.allCases where totals[op.rawValue].lines > 0 { summary.written[op] = totals[op.rawValue] }
        if let batch = try session.batch(digest: digest) { return .sameFile(file: file, batch) }
        pairs.sort { $0.key < $1.key }
        try checkStock()
        guard problems.isEmpty else { return .refused(problems.refusal(file: file, rowsRead: summary.rowsRead)) }
        guard newRows > 0 else { return .nothingNew(summary) }
        try session.flushLedger()

        try session.tx.addStock(pairs.lazy.flatMap { pair in
            zip(pair.days.days, pair.days.flows).lazy.map { day, flow in
                (self.boxes[PairKey.box(pair.key)].id, self.categories[PairKey.category(pair.key)].id,
                 LocalDate(dayNumber: Int(day)), flow.quantity, flow.grams)
            }
        })
        try flushFlows()
        try flushValuations()
        if !valuingInOrder { try revalueKilograms() }
        try flushVisits()
        try session.tx.addFirstVisits(firstVisits)
        try session.tx.addVolunteerMonths(volunteerMonths)
        for (recipient, date) in registeredOn where date != firstSeen[recipient] {
            try session.register(recipient: recipient, on: date)
        }
        try session.addPrints(prints)
        try flushPersonPrints()
        try session.checkReferences([
            (.box, boxes.map(\.id)), (.centre, boxes.map(\.centreID)), (.category, categories.map(\.id)),
            (.recipientGroup, groups.map(\.id)), (.recipient, Array(recipients.values)), (.event, Array(events.values)),
            (.volunteer, Array(volunteers.values)), (.importBatch, [session.batchID]),
        ])
        try session.finish(digest: digest, rows: newRows)
        summary.batch = dryRun ? nil : session.batchID
        return .imported(summary)
    }

    /// Values the kilograms of the categories the file moved, from its first
    /// day on, as `record` does one movement (see `KilogramValuation`): the
    /// rows went in with their own weights, like every movement.
    private func revalueKilograms() throws {
        guard let first = pairs.compactMap({ $0.days.days.first }).min() else { return }
        let touched = Set(pairs.map { categories[PairKey.category($0.key)].id })
        var changes = ValuationChanges()
        try session.tx.revalue(from: LocalDate(dayNumber: Int(first)), categories: touched, changes: &changes)
        try session.tx.write(changes)
    }

    /// Finds the days each box and category would end below zero, if any.
    private func checkStock() throws {
        for pair in pairs {
            guard ImportStock.canShort(pair.days.flows), let first = pair.days.days.first else { continue }
            let box = boxes[PairKey.box(pair.key)], category = categories[PairKey.category(pair.key)]
            let timeline = try session.tx.stockTimeline(box: box.id, category: category.id, from: LocalDate(dayNumber: Int(first)))
            let opening = timeline.current - timeline.later.reduce(0) { $0 + $1.quantity }
            let run = pair.days.entries
            let name = Phrase.stored(category.nameRu, category.nameEn)
            for shortfall in ImportStock.shortfalls(opening: opening, existing: timeline.later, file: run) {
                let message: ImportMessage, line: Int
                switch shortfall {
                case .onDay(let day, let l, let held, let asked):
                    line = l
                    message = .insufficientStock(box: box.code.description, category: name, held: held, asked: asked, on: LocalDate(dayNumber: day))
                case .later(let day, let l, let short):
                    line = l
                    message = .shortLater(box: box.code.description, category: name, short: short, on: LocalDate(dayNumber: day))
                }
                problems.add(JournalProblem(line: line, field: .quantity, column: columns.title(of: .quantity), message: message))
            }
        }
    }

    private func addStock(box: Int, category: Int, day: Int, quantity: Int, grams: Int64, line: Int) {
        let key = PairKey.make(box: box, category: category)
        let i: Int
        if let known = pairIndex[key] {
            i = known
        } else {
            i = pairs.count
            pairIndex[key] = i
            pairs.append((key, DayFlows()))
        }
        pairs[i].days.add(day: day, quantity: quantity, grams: grams, line: line)
    }

    /// Writes the monthly sums so far, in key order, unless the import
    /// will be refused anyway.
    private func flushFlows() throws {
        if problems.isEmpty {
            let rows = flows.keys.sorted().compactMap { cell in
                self.flows[cell].map { (key: cell.key(boxes: self.boxes, categories: self.categories), sums: $0) }
            }
            try session.onConnection { [session] in try session.tx.addFlows(rows) }
        }
        flows.removeAll(keepingCapacity: true)
    }

    /// Writes the valuations so far, without waiting: memory stays bounded
    /// however many outflows the file has.
    private func flushValuations() throws {
        guard !valuations.isEmpty else { return }
        let chunk = valuations
        valuations.removeAll(keepingCapacity: true)
        try session.writeLater { [session] in try session.addValuations(chunk) }
    }

    private func flushVisits() throws {
        guard !visits.isEmpty else { return }
        try session.onConnection { [self] in try session.tx.addVisits(visits, firstVisits: &firstVisits) }
        visits.removeAll(keepingCapacity: true)
    }

    // MARK: Names

    private func categoryIndex(_ text: String) -> Result<Int, CatalogueWordProblem> {
        if let known = categoryByText[UTF8Key(text)] { return known }
        let index = categoryMatcher.match(text).entry(.category, for: text).map { categoryIndexByID[$0.id] ?? 0 }
        if categoryByText.count < 1 << 16 { categoryByText[UTF8Key(text)] = index }
        return index
    }

    private func group(_ text: String) -> Result<RowID, CatalogueWordProblem> {
        if let known = groupByText[UTF8Key(text)] { return known }
        let id = groupMatcher.match(text).entry(.group, for: text).map(\.id)
        if groupByText.count < 1 << 16 { groupByText[UTF8Key(text)] = id }
        return id
    }

    private var codes: [UTF8Key: String?] = [:]

    /// Keeps a row's fingerprint for later imports. Stored as they come,
    /// so memory does not grow with the file; a refused import rolls them
    /// back with the rest.
    private func keepPrint(_ print: UInt64) throws {
        prints.append(print)
        if prints.count >= FingerprintBlob.chunk {
            if problems.isEmpty { try session.onConnection { [session, prints] in try session.addPrints(prints) } }
            prints.removeAll(keepingCapacity: true)
        }
    }

    private func keepPersonPrint(_ print: UInt64, anonymous: UInt64, recipient: RowID) throws {
        // In place: a copy out and back would copy the person's arrays for every row.
        personPrints[recipient, default: ([], [])].prints.append(print)
        personPrints[recipient, default: ([], [])].anonymous.append(anonymous)
        personPrintsHeld += 1
        if let kept = personPrints[recipient], kept.prints.count >= FingerprintBlob.chunk {
            if problems.isEmpty {
                try session.writeLater { [session] in
                    try session.addPersonPrints(recipient: recipient, prints: kept.prints, anonymous: kept.anonymous)
                }
            }
            personPrints[recipient] = nil
            personPrintsHeld -= kept.prints.count
        }
        // Bounded over all people, not per person: a file of thousands of
        // recipients with a few hundred rows each would otherwise hold all
        // of their prints to the end.
        if personPrintsHeld >= 1 << 18 { try flushPersonPrints() }
    }

    /// Writes every person's prints held so far, each person's as a chunk
    /// of their own, unless the import will be refused anyway.
    private func flushPersonPrints() throws {
        if problems.isEmpty, !personPrints.isEmpty {
            let held = personPrints.sorted { $0.key < $1.key }
            try session.writeLater { [session] in
                for (recipient, kept) in held {
                    try session.addPersonPrints(recipient: recipient, prints: kept.prints, anonymous: kept.anonymous)
                }
            }
        }
        personPrints.removeAll(keepingCapacity: true)
        personPrintsHeld = 0
    }

    /// A row an earlier import brought in for a person forgotten since: its
    /// code is no one's now (a forget changed it) and, without person and
    /// note, it is a row of that import. Brought in again it would count
    /// the person twice, as someone new.
    private func isForgottenPersonsRow(_ row: JournalRow, anonymous: UInt64) throws -> Bool {
        guard forgottenEarlier.count > 0, let text = row.recipient, let code = recipientCode(text) else { return false }
        if let known = try session.onConnection({ [session] in try session.tx.recipient(code) }), !known.forgotten { return false }
        return forgottenEarlier.consume(anonymous)
    }

    /// A recipient's code as the store keeps it, or nil if it will not do.
    private func recipientCode(_ text: String) -> String? {
        if let known = codes[UTF8Key(text)] { return known }
        let code = try? LedgerTransaction.recipientCode(text)
        if codes.count < 1 << 16 { codes[UTF8Key(text)] = code }
        return code
    }

    /// Recipients forgotten under 152-ФЗ that rows named: never recorded for.
    private var forgotten: Set<RowID> = []

    /// The first date each recipient registered by this import was seen with.
    private var firstSeen: [RowID: LocalDate] = [:]

    /// The recipient a row names, registered on first sight as `handout
    /// --new-recipient` registers one: a journal is the record of who came.
    private func recipient(_ code: String, group: RowID?, on date: LocalDate) throws -> RowID {
        // Keyed as the store finds them, so `ТД42` and `ТД-042` in one file
        // are one person, registered as first written.
        let key: UTF8Key
        if let known = recipientKeys[UTF8Key(code)] {
            key = known
        } else {
            key = UTF8Key(RecipientCodes.key(code))
            if recipientKeys.count < 1 << 16 { recipientKeys[UTF8Key(code)] = key }
        }
        if let id = recipients[key] {
            // Registered by this import: on the earliest day of their rows.
            if let day = registeredOn[id], date < day { registeredOn[id] = date }
            return id
        }
        let entry = group.flatMap { id in groups.first { $0.id == id } }
        let found = try session.onConnection { [session] in
            try session.tx.handoutRecipient(code, .whenNew, group: entry, household: nil, on: date)
        }
        let id = found.recipient.id
        recipients[key] = id
        if found.recipient.forgotten { forgotten.insert(id) }
        if found.isNew {
            registeredOn[id] = date
            firstSeen[id] = date
            summary.recipientsRegistered += 1
            summary.newRecipientCodes.append(found.recipient.code)
        }
        return id
    }

    private func event(_ name: String, on date: LocalDate, centre: RowID) throws -> RowID {
        let key = EventKey(name: UTF8Key(name), day: date.dayNumber)
        if let id = events[key] { return id }
        let id: RowID
        if let known = try session.onConnection({ [session] in try session.tx.event(named: name, on: date)?.id }) {
            id = known
        } else {
            id = try session.onConnection { [session] in
                try session.tx.insertEvent(name: name.trimmingCharacters(in: .whitespaces), date: date, centre: centre, participants: 0)
            }
            summary.eventsCreated += 1
        }
        events[key] = id
        return id
    }

    private func volunteer(_ name: String) throws -> RowID {
        if let id = volunteers[UTF8Key(name)] { return id }
        let (id, added) = try session.onConnection { [session] in
            try session.tx.volunteerID(cleanName: name.trimmingCharacters(in: .whitespaces))
        }
        if added { summary.volunteersAdded += 1 }
        volunteers[UTF8Key(name)] = id
        return id
    }

}

/// The result of the rows' thread, read by the connection's thread once the
/// pump has finished (which orders the two).
private final class PumpedOutcome<T>: @unchecked Sendable {
    private let body: () throws -> T
    private(set) var result: Result<T, any Error>?

    init(_ body: @escaping () throws -> T) { self.body = body }

    func run() { result = Result { try body() } }
}
