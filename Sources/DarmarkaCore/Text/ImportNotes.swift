import Foundation

/// What `darmarka import` and `darmarka export` tell people when things go
/// well, or when nothing needed doing; problems are `ImportMessage`s.
public enum ImportNote: Localized {
    /// `zone`: the organisation's, to say when in its own hours; else UTC.
    case sameFile(file: String, batch: ImportBatchInfo, zone: TimeZone? = nil)
    case nothingNew(file: String, rows: Int)
    case noRows(file: String)
    /// The first line of a journal's summary.
    case imported(file: String, rows: Int, read: Int, skipped: Int, seconds: Double, dryRun: Bool)
    case registered(recipients: Int, events: Int, volunteers: Int)
    case referenceImported(kind: ImportKind, file: String, registered: Int, already: Int, centres: Int, seconds: Double, dryRun: Bool)
    case refused(file: String, problems: Int)
    case moreProblems(Int)
    case progress(rows: Int, percent: Int?)
    case unknownColumns(file: String, titles: [String])
    case exported(path: String, rows: Int)

    public var phrase: Phrase {
        switch self {
        case .sameFile(let file, let batch, let zone):
            Phrase(ru: "\(file): этот файл уже загружен (загрузка №\(batch.id), \(when(batch.importedAt, zone)), \(batch.rows) \(plural(batch.rows, "строка", "строки", "строк"))); ничего не добавлено.",
                   en: "\(file): this file was imported already (import #\(batch.id), \(when(batch.importedAt, zone)), \(batch.rows) row\(batch.rows == 1 ? "" : "s")); nothing added.")
        case .nothingNew(let file, let rows):
            Phrase(ru: "\(file): все \(rows) \(plural(rows, "строка", "строки", "строк")) уже загружены раньше; ничего не добавлено.",
                   en: "\(file): all \(rows) row\(rows == 1 ? " was" : "s were") imported before; nothing added.")
        case .noRows(let file):
            Phrase(ru: "\(file): в файле нет строк с данными; ничего не добавлено.", en: "\(file): the file has no data rows; nothing added.")
        case .imported(let file, let rows, let read, let skipped, let seconds, let dryRun):
            Phrase(ru: "\(file): \(dryRun ? "проверено, ошибок нет; было бы загружено" : "загружено") \(n(rows, .ru)) \(plural(rows, "строка", "строки", "строк")) из \(n(read, .ru))"
                       + (skipped > 0 ? " (пропущено \(n(skipped, .ru)): загружены раньше)" : "")
                       + " за \(duration(seconds, .ru))" + (read >= 1000 ? ", \(n(rate(read, seconds), .ru)) строк/с" : "")
                       + (dryRun ? "; ничего не записано (--dry-run)." : "."),
                   en: "\(file): \(dryRun ? "checked, no problems; would import" : "imported") \(n(rows, .en)) of \(n(read, .en)) row\(read == 1 ? "" : "s")"
                       + (skipped > 0 ? " (\(n(skipped, .en)) skipped: imported before)" : "")
                       + " in \(duration(seconds, .en))" + (read >= 1000 ? ", \(n(rate(read, seconds), .en)) rows/s" : "")
                       + (dryRun ? "; nothing written (--dry-run)." : "."))
        case .registered(let recipients, let events, let volunteers):
            Phrase(ru: "Новых получателей: \(n(recipients, .ru)), мероприятий: \(n(events, .ru)), волонтёров: \(n(volunteers, .ru)).",
                   en: "New recipients: \(n(recipients, .en)), events: \(n(events, .en)), volunteers: \(n(volunteers, .en)).")
        case .referenceImported(let kind, let file, let registered, let already, let centres, let seconds, let dryRun):
            Phrase(ru: "\(file): \(dryRun ? "проверено, ошибок нет; было бы зарегистрировано" : "зарегистрировано") \(registered) \(kindWord(kind, registered, .ru))"
                       + (centres > 0 ? ", центров: \(centres)" : "")
                       + (already > 0 ? "; \(already) уже \(plural(already, "был", "было", "было")) в базе" : "")
                       + " (\(duration(seconds, .ru)))" + (dryRun ? "; ничего не записано (--dry-run)." : "."),
                   en: "\(file): \(dryRun ? "checked, no problems; would register" : "registered") \(registered) \(kindWord(kind, registered, .en))"
                       + (centres > 0 ? ", \(centres) centre\(centres == 1 ? "" : "s")" : "")
                       + (already > 0 ? "; \(already) in the database already" : "")
                       + " (\(duration(seconds, .en)))" + (dryRun ? "; nothing written (--dry-run)." : "."))
        case .refused(let file, let problems):
            Phrase(ru: "\(file): ничего не загружено — \(problems) \(plural(problems, "ошибка", "ошибки", "ошибок")). Исправьте файл и загрузите его снова.",
                   en: "\(file): nothing was imported — \(problems) problem\(problems == 1 ? "" : "s"). Correct the file and import it again.")
        case .moreProblems(let n):
            Phrase(ru: "… и ещё \(n) \(plural(n, "ошибка", "ошибки", "ошибок")).", en: "… and \(n) more problem\(n == 1 ? "" : "s").")
        case .progress(let rows, let percent):
            Phrase(ru: "… прочитано \(n(rows, .ru)) \(plural(rows, "строка", "строки", "строк"))" + (percent.map { " (\($0) %)" } ?? ""),
                   en: "… \(n(rows, .en)) rows read" + (percent.map { " (\($0)%)" } ?? ""))
        case .unknownColumns(let file, let titles):
            Phrase(ru: "\(file): " + ImportMessage.unknownColumns(titles).phrase.ru, en: "\(file): " + ImportMessage.unknownColumns(titles).phrase.en)
        case .exported(let path, let rows):
            Phrase(ru: "Записано \(rows) \(plural(rows, "строка", "строки", "строк")): \(path)", en: "Wrote \(rows) row\(rows == 1 ? "" : "s"): \(path)")
        }
    }
}

/// `2026-11-25T08:30:00.000Z` as `2026-11-25 08:30`.
/// A stored UTC timestamp (`2026-11-25T08:30:00.000Z`) as the minute it
/// was in `zone`, with the zone named: `2026-11-25 13:30 Asia/Yekaterinburg`.
func when(_ stored: String, _ zone: TimeZone?) -> String {
    let t = stored.replacingOccurrences(of: "T", with: " ")
    let utc = String(t.prefix(16)) + " UTC"
    guard let zone else { return utc }
    let digits = stored.split(whereSeparator: { !$0.isNumber }).compactMap { Int($0) }
    guard digits.count >= 5 else { return utc }
    var calendar = Calendar(identifier: .gregorian)
    guard let gmt = TimeZone(identifier: "UTC") else { return utc }
    calendar.timeZone = gmt
    guard let instant = calendar.date(from: DateComponents(year: digits[0], month: digits[1], day: digits[2],
                                                            hour: digits[3], minute: digits[4])) else { return utc }
    calendar.timeZone = zone
    let c = calendar.dateComponents([.year, .month, .day, .hour, .minute], from: instant)
    func two(_ n: Int?) -> String { let v = n ?? 0; return v < 10 ? "0\(v)" : "\(v)" }
    return "\(c.year ?? 0)-\(two(c.month))-\(two(c.day)) \(two(c.hour)):\(two(c.minute)) \(zone.identifier)"
}

private func duration(_ seconds: Double, _ lang: Lang) -> String {
    let tenths = Int((seconds * 10).rounded())
    let text = "\(tenths / 10)\(lang == .ru ? "," : ".")\(tenths % 10)"
    return lang == .ru ? "\(text) с" : "\(text) s"
}

/// A count as a sentence prints it: `1 000 000`, `1,000,000`.
private func n(_ count: Int, _ lang: Lang) -> String { NumberText.grouped(count, lang) }

private func rate(_ rows: Int, _ seconds: Double) -> Int {
    seconds > 0 ? Int((Double(rows) / seconds).rounded()) : rows
}

private func kindWord(_ kind: ImportKind, _ n: Int, _ lang: Lang) -> String {
    switch (kind, lang) {
    case (.boxes, .ru): plural(n, "бокс", "бокса", "боксов")
    case (.recipients, .ru): plural(n, "получатель", "получателя", "получателей")
    case (.events, .ru): plural(n, "мероприятие", "мероприятия", "мероприятий")
    case (.journal, .ru): plural(n, "строка", "строки", "строк")
    case (.boxes, .en): n == 1 ? "box" : "boxes"
    case (.recipients, .en): n == 1 ? "recipient" : "recipients"
    case (.events, .en): n == 1 ? "event" : "events"
    case (.journal, .en): n == 1 ? "row" : "rows"
    }
}
