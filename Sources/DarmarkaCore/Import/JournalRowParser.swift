/// The rules a journal row must follow, applied to its values as text.
/// Every problem of a row is reported, not just the first.
struct JournalRowParser {
    let columns: JournalColumns

    private var dates = ParseMemo<(date: LocalDate, time: LocalTime?)?>()
    private var operations = ParseMemo<(kind: MovementKind, side: AdjustmentSide?)?>()
    private var boxes = ParseMemo<Result<BoxCode, CodeProblem>>()
    private var quantities = ParseMemo<Int?>()
    private var weights = ParseMemo<Grams?>()
    private var conditions = ParseMemo<Condition?>()

    init(columns: JournalColumns) { self.columns = columns }

    private static let handoutOnly: [JournalField] = [.recipient, .group, .event]
    /// The fields people write freely, which an export neutralises for spreadsheets.
    static let freeText: Set<JournalField> = [.event, .volunteer, .note]

    /// Reads a row from `values` indexed by `JournalField.rawValue` (nil for
    /// an empty or absent value). `unreadable` fields were already reported
    /// in `problems` and are not checked again.
    mutating func parse(line: Int, values: [String?], unreadable: Set<JournalField> = [],
                        problems initial: [JournalProblem] = []) -> Result<JournalRow, JournalRowError> {
        var problems = initial
        func report(_ field: JournalField?, _ message: ImportMessage) {
            problems.append(JournalProblem(line: line, field: field, column: field.map(columns.title(of:)), message: message))
        }
        func value(_ field: JournalField) -> String? {
            // Free text was written with an apostrophe before a formula-like
            // start (SpreadsheetText); it reads back as it was.
            guard let v = values[field.rawValue] else { return nil }
            return Self.freeText.contains(field) ? SpreadsheetText.unescaped(v) : v
        }
        /// The value of a required field, reporting it when empty.
        func required(_ field: JournalField) -> String? {
            if let v = value(field) { return v }
            if !unreadable.contains(field) { report(field, .missing(field)) }
            return nil
        }

        var date: (date: LocalDate, time: LocalTime?)?
        if let text = required(.date) {
            date = dates.value(of: text, LocalDate.parseWithTime).flatMap { $0.date < LocalDate.earliest ? nil : $0 }
            if date == nil { report(.date, LocalDate.isTooEarly(text) ? .dateTooEarly(text) : LocalDate.isImpossibleDate(text) ? .noSuchDate(text) : .badDate(text)) }
        }

        var operation: MovementKind?
        var adjustment: AdjustmentSide?
        if let text = required(.operation) {
            switch operations.value(of: text, Self.operation) {
            // A bare "adjustment" does not say which way: the quantity has no sign.
            case (.adjustment, nil)?: report(.operation, .adjustmentNotImported)
            case nil: report(.operation, .unknownOperation(text))
            case let (kind, side)?: operation = kind; adjustment = side
            }
        }

        var box: BoxCode?
        if let text = required(.box) {
            switch boxes.value(of: text, BoxCode.parse) {
            case .success(let code): box = code
            case .failure(let problem): report(.box, .badBox(text, problem))
            }
        }

        var toBox: BoxCode?
        let toBoxText = value(.toBox)
        switch (operation, toBoxText) {
        case (.transfer, nil):
            if !unreadable.contains(.toBox) { report(.toBox, .transferNeedsTargetBox) }
        case (.transfer, let text?), (nil, let text?):
            switch boxes.value(of: text, BoxCode.parse) {
            case .success(let code):
                toBox = code
                if operation == .transfer, code == box { report(.toBox, .transferToSameBox) }
            case .failure(let problem): report(.toBox, .badBox(text, problem))
            }
        case (let kind?, _?):
            report(.toBox, .targetBoxOnlyForTransfers(kind))
        case (_, nil):
            break
        }

        let category = required(.category)

        var quantity: Int?
        if let text = required(.quantity) {
            quantity = quantities.value(of: text, Quantity.parse)
            if quantity == nil { report(.quantity, Self.quantityProblem(text)) }
        }

        var weight: Grams?
        if let text = value(.weight) {
            weight = weights.value(of: text, Grams.parseKilograms)
            if weight == nil { report(.weight, Self.weightProblem(text)) }
        }

        var condition: Condition?
        if let text = value(.condition) {
            condition = conditions.value(of: text, Condition.parse)
            if condition == nil { report(.condition, .unknownCondition(text)) }
        }

        for field in [JournalField.event, .volunteer] {
            if let text = value(field), Names.hasControlCharacters(text) { report(field, .notOneLine(Names.shown(text))) }
        }
        // A note follows one rule wherever it comes from: bounded, and no
        // control characters but line breaks (a NUL cut it at display).
        if let text = value(.note) {
            do { _ = try FreeText.note(text) } catch let problem as LedgerProblem { report(.note, .refused(problem)) } catch {}
        }

        if let kind = operation, kind != .handout {
            for field in Self.handoutOnly where value(field) != nil {
                report(field, .onlyForHandouts(field, kind))
            }
        }

        guard problems.isEmpty, let date, let operation, let box, let category, let quantity else {
            return .failure(JournalRowError(line: line, problems: problems))
        }
        return .success(JournalRow(
            line: line, date: date.date, time: date.time, operation: operation, adjustment: adjustment,
            box: box, boxText: values[JournalField.box.rawValue] ?? box.description,
            toBox: toBox, toBoxText: toBoxText, category: category, quantity: quantity,
            weight: weight, condition: condition,
            recipient: value(.recipient), group: value(.group), event: value(.event),
            volunteer: value(.volunteer), note: value(.note), movement: value(.movement)))
    }

    /// An operation word: a side of an adjustment, or a kind of movement.
    static func operation(_ text: String) -> (kind: MovementKind, side: AdjustmentSide?)? {
        if let side = AdjustmentSide.parse(text) { return (.adjustment, side) }
        return MovementKind.parse(text).map { ($0, nil) }
    }

    /// Why `Quantity.parse` refused `text`: too large, or not a count at all.
    static func quantityProblem(_ text: String) -> ImportMessage {
        let digits = !text.isEmpty && text.allSatisfy { $0.isASCII && $0.isNumber }
        return digits && text.contains(where: { $0 != "0" }) ? .quantityTooLarge(text) : .badQuantity(text)
    }

    /// Why `Grams.parseKilograms` refused `text`: negative, more than three
    /// decimals, too heavy, or not a number.
    static func weightProblem(_ text: String) -> ImportMessage {
        if text.hasPrefix("-"), Grams.parseKilograms(String(text.dropFirst())) != nil { return .negativeWeight(text) }
        let parts = text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "," || $0 == "." })
        let numeric = parts.count <= 2 && parts.contains { !$0.isEmpty }
            && parts.allSatisfy { $0.allSatisfy { $0.isASCII && $0.isNumber } }
        if numeric, parts.count == 2, parts[1].count > 3 { return .weightTooPrecise(text) }
        // A plain number parseKilograms still refused is above the maximum.
        if numeric { return .weightTooLarge(text) }
        return .badWeight(text)
    }
}
