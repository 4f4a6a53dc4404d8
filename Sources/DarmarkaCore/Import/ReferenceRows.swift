/// A row of a boxes file, checked on its own.
public struct BoxRecord: Sendable, Equatable {
    public var line: Int
    /// A code to claim: pre-printed here, or the box's code in another database.
    public var code: BoxCode?
    public var centre: String
    /// Creates the centre when it is not there yet.
    public var centreName: String?
    public var name: String?
    public var kind: BoxKind
}

/// A row of a recipients file, checked on its own; the code's form is the
/// store's to judge.
public struct RecipientRecord: Sendable, Equatable {
    public var line: Int
    public var code: String
    public var group: String?
    public var householdSize: Int
    /// Today when absent.
    public var registered: LocalDate?
}

/// A row of an events file.
public struct EventRecord: Sendable, Equatable {
    public var line: Int
    public var name: String
    public var date: LocalDate
    public var centre: String?
    public var participants: Int
}

/// The rules of reference rows that need no database, every problem of a
/// row reported at once, as for journal rows.
public enum ReferenceRows {
    /// A column's title as the file writes it, for messages.
    public typealias Titles = (ReferenceField) -> String

    /// A boxes file's row, or everything wrong with it.
    public static func box(_ r: ReferenceRecord, titles: Titles) -> Result<BoxRecord, JournalRowError> {
        var problems = r.problems
        func report(_ f: ReferenceField, _ m: ImportMessage) {
            problems.append(JournalProblem(line: r.line, field: nil, column: titles(f), message: m))
        }
        var code: BoxCode?
        if let text = r.values[.code] {
            switch BoxCode.parse(text) {
            case .success(let c): code = c
            case .failure(let p): report(.code, .badBox(text, p))
            }
        }
        let centre = r.values[.centre]
        if centre == nil { report(.centre, .required(titles(.centre))) }
        var kind = BoxKind.collection
        if let text = r.values[.kind] {
            if let k = BoxKind.parse(text) { kind = k } else { report(.kind, .badBoxKind(text)) }
        }
        guard problems.isEmpty, let centre else { return .failure(JournalRowError(line: r.line, problems: problems)) }
        return .success(BoxRecord(line: r.line, code: code, centre: centre, centreName: r.values[.centreName],
                                  name: r.values[.name], kind: kind))
    }

    /// A recipients file's row, or everything wrong with it.
    public static func recipient(_ r: ReferenceRecord, titles: Titles) -> Result<RecipientRecord, JournalRowError> {
        var problems = r.problems
        func report(_ f: ReferenceField, _ m: ImportMessage) {
            problems.append(JournalProblem(line: r.line, field: nil, column: titles(f), message: m))
        }
        let code = r.values[.code]
        if code == nil { report(.code, .required(titles(.code))) }
        var household = 1
        if let text = r.values[.household] {
            if let n = Int(text), (1 ... 50).contains(n) { household = n } else { report(.household, .badHousehold(text)) }
        }
        var registered: LocalDate?
        if let text = r.values[.registered] {
            registered = LocalDate.parse(text).flatMap { $0 < LocalDate.earliest ? nil : $0 }
            if registered == nil { report(.registered, LocalDate.isTooEarly(text) ? .dateTooEarly(text) : LocalDate.isImpossibleDate(text) ? .noSuchDate(text) : .badDate(text)) }
        }
        guard problems.isEmpty, let code else { return .failure(JournalRowError(line: r.line, problems: problems)) }
        return .success(RecipientRecord(line: r.line, code: code, group: r.values[.group], householdSize: household, registered: registered))
    }

    /// An events file's row, or everything wrong with it.
    public static func event(_ r: ReferenceRecord, titles: Titles) -> Result<EventRecord, JournalRowError> {
        var problems = r.problems
        func report(_ f: ReferenceField, _ m: ImportMessage) {
            problems.append(JournalProblem(line: r.line, field: nil, column: titles(f), message: m))
        }
        let name = r.values[.name]
        if name == nil { report(.name, .required(titles(.name))) }
        var date: LocalDate?
        if let text = r.values[.date] {
            date = LocalDate.parse(text).flatMap { $0 < LocalDate.earliest ? nil : $0 }
            if date == nil { report(.date, LocalDate.isTooEarly(text) ? .dateTooEarly(text) : LocalDate.isImpossibleDate(text) ? .noSuchDate(text) : .badDate(text)) }
        } else {
            report(.date, .required(titles(.date)))
        }
        var participants = 0
        if let text = r.values[.participants] {
            if let n = Int(text), (0 ... Quantity.maximum).contains(n) { participants = n } else { report(.participants, .badParticipants(text)) }
        }
        guard problems.isEmpty, let name, let date else { return .failure(JournalRowError(line: r.line, problems: problems)) }
        return .success(EventRecord(line: r.line, name: name, date: date, centre: r.values[.centre], participants: participants))
    }
}
