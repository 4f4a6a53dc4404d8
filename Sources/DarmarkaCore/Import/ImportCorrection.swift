/// A movement of the ledger that a journal corrects: rows that name it by
/// number (as `export journal` writes) and say something else than its
/// lines. The import undoes the movement and records the rows as they read.
public struct ImportCorrection: Sendable, Equatable {
    /// The movement corrected.
    public var movement: RowID
    /// The line of its first row in the file.
    public var line: Int
    /// Its lines as the ledger had them, one row each.
    public var before: [JournalRow]
    /// The file's rows for it, categories and groups by their codes.
    public var after: [JournalRow]

    public init(movement: RowID, line: Int, before: [JournalRow], after: [JournalRow]) {
        self.movement = movement; self.line = line; self.before = before; self.after = after
    }

    /// One text per line that changed: `количество: 6 → 5` for the columns
    /// that differ, all of a line's values for a line the file added. The
    /// values are written as `export journal` writes them, in `lang`.
    public func changes(_ lang: Lang) -> [String] {
        let writer = JournalWriter(language: lang)
        let fields = writer.fields
        var out: [String] = []
        for i in 0 ..< max(before.count, after.count) {
            let old = i < before.count ? writer.values(before[i]) : nil
            let new = i < after.count ? writer.values(after[i]) : nil
            let prefix = max(before.count, after.count) > 1 ? CorrectionNote.lineNumber(i + 1).text(lang) + ": " : ""
            switch (old, new) {
            case let (old?, new?):
                let differing = fields.indices.filter { old[$0] != new[$0] }
                guard !differing.isEmpty else { continue }
                out.append(prefix + differing.map { "\(fields[$0].header(lang)): \(shown(old[$0])) → \(shown(new[$0]))" }
                    .joined(separator: ", "))
            case let (nil, new?):
                out.append(prefix + "+ " + new.filter { !$0.isEmpty }.joined(separator: "; "))
            case let (old?, nil):
                out.append(prefix + "− " + old.filter { !$0.isEmpty }.joined(separator: "; "))
            case (nil, nil):
                continue
            }
        }
        return out
    }

    private func shown(_ value: String) -> String { value.isEmpty ? "—" : value }

    /// Whether `row` is, in where and when, the movement `line` belongs
    /// to: the same day, operation and boxes. A correction changes what a
    /// movement moved, not which movement it is; a row that says another
    /// day or box is another movement, or a row of another database.
    public static func isSameMovement(_ row: JournalRow, as line: JournalRow) -> Bool {
        row.date == line.date && row.operation == line.operation && row.adjustment == line.adjustment
            && row.box == line.box && row.toBox == line.toBox
    }

    /// The movement of `line` in a few words: `приём 2026-11-01, B-0001Z`.
    /// The same in both languages, as a correction's message quotes it.
    public static func describe(_ line: JournalRow) -> Phrase {
        Phrase.same("").map { _, lang in describe(line, lang) }
    }

    public static func describe(_ line: JournalRow, _ lang: Lang) -> String {
        let values = JournalWriter(language: lang).values(line)
        let fields = JournalWriter(language: lang).fields
        func value(_ f: JournalField) -> String { fields.firstIndex(of: f).map { values[$0] } ?? "" }
        let boxes = line.toBox == nil ? value(.box) : "\(value(.box)) → \(value(.toBox))"
        return "\(value(.operation)) \(line.date), \(boxes)"
    }
}
