import Foundation

/// What `darmarka undo` says about the movement it reverses, so that the
/// volunteer sees what they undo before and after, not only its number.
public enum UndoText {
    /// «№5: приём 3 шт. «Обувь» в B-0001Z, 2026-11-25, Анна».
    public static func movement(_ e: HistoryEntry) -> Phrase {
        let lines = e.lines.map { l in
            Phrase(ru: "\(l.quantity) шт. «\(l.categoryName.ru)»", en: "\(l.quantity) × “\(l.categoryName.en)”")
        }
        let what = Phrase(ru: lines.map(\.ru).joined(separator: ", "), en: lines.map(\.en).joined(separator: ", "))
        var place: Phrase
        switch (e.fromBox, e.toBox) {
        case let (from?, to?): place = Phrase(ru: "из \(from) в \(to)", en: "from \(from) to \(to)")
        case let (nil, to?): place = Phrase(ru: "в \(to)", en: "into \(to)")
        case let (from?, nil): place = Phrase(ru: "из \(from)", en: "from \(from)")
        case (nil, nil): place = Phrase(ru: "", en: "")
        }
        if let r = e.recipient { place = Phrase(ru: place.ru + ", получатель \(r)", en: place.en + ", recipient \(r)") }
        var tail = [e.date.description + (e.time.map { " \($0)" } ?? "")]
        if let v = e.volunteer { tail.append(v) }
        let ru = "№\(e.id): \(e.kind.phrase.ru) \(what.ru) \(place.ru), " + tail.joined(separator: ", ")
        let en = "#\(e.id): \(e.kind.rawValue) of \(what.en) \(place.en), " + tail.joined(separator: ", ")
        return Phrase(ru: ru, en: en)
    }

    /// «Отменено №5: приём … (обратное движение №6).»
    public static func undone(_ e: HistoryEntry, by reversal: RowID) -> Phrase {
        let m = movement(e)
        return Phrase(ru: "Отменено \(m.ru) (обратное движение №\(reversal)).",
                      en: "Undone \(m.en) (reversing movement #\(reversal)).")
    }

    public static let question = Phrase(ru: "Отменить? [д/Н] ", en: "Undo? [y/N] ")
    public static let declined = Phrase(ru: "Ничего не отменено.", en: "Nothing undone.")
}

/// Asking before doing what cannot simply be taken back.
public enum Confirmation {
    /// Ask only a person at a terminal, and not when `--yes` was given: a
    /// script or a pipe has nobody to answer.
    public static func shouldAsk(yes: Bool, stdinIsTerminal: Bool, stdoutIsTerminal: Bool) -> Bool {
        !yes && stdinIsTerminal && stdoutIsTerminal
    }

    /// Only a clear yes in either language (д, да, y, yes) agrees; anything
    /// else, an empty line included, keeps things as they are.
    public static func accepts(_ answer: String?) -> Bool {
        guard let answer else { return false }
        return ["д", "да", "y", "yes"].contains(TextKey.normalise(answer))
    }
}

/// The command most like a mistyped one, for «Может быть, intake?».
public enum CommandSuggestion {
    /// The nearest of `names` to `typed`, if it is near enough to be a typo
    /// (at most a third of its letters differ) or `typed` begins it.
    public static func nearest(to typed: String, among names: [String]) -> String? {
        let t = typed.lowercased()
        let scored = names.map { ($0, distance(t, $0.lowercased())) }.sorted { $0.1 < $1.1 }
        if let best = scored.first, best.1 <= max(1, t.count / 3) {
            // Two equally near names: guessing one would mislead.
            if scored.count > 1, scored[1].1 == best.1 { return nil }
            return best.0
        }
        let prefixed = names.filter { t.count >= 2 && $0.hasPrefix(t) }
        return prefixed.count == 1 ? prefixed.first : nil
    }

    /// Levenshtein distance, in characters.
    static func distance(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        guard !a.isEmpty else { return b.count }
        guard !b.isEmpty else { return a.count }
        var previous = Array(0...b.count)
        for i in 1...a.count {
            var current = [i] + Array(repeating: 0, count: b.count)
            for j in 1...b.count {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            previous = current
        }
        return previous[b.count]
    }
}

/// An error as a script reads it with `--format json`.
public enum ErrorJSON {
    /// `{"error": {"code": "unknownBox", "message": "…"}}`: `code` is the
    /// name of the problem's case, stable across languages and wordings.
    public static func object(code: String, message: String) -> String {
        "{\"error\": {\"code\": \(JSONText.string(code)), \"message\": \(JSONText.string(message))}}"
    }

    /// The case name of an error enum value: `badDate("x")` gives `badDate`;
    /// a file that cannot be imported, its first message's.
    public static func code(of error: any Error) -> String {
        if let e = error as? ImportError, let first = e.messages.first { return caseName(first) }
        return caseName(error)
    }

    /// Read by reflection, not from `description`, which may be a sentence.
    static func caseName(_ value: Any) -> String {
        let mirror = Mirror(reflecting: value)
        if mirror.displayStyle == .enum {
            if let label = mirror.children.first?.label { return label }
            let name = String(describing: value)
            if !name.isEmpty, name.allSatisfy({ $0.isLetter || $0.isNumber }) { return name }
        }
        return "error"
    }
}

extension Grams {
    /// Whether `text` is a weight in the usual form that is above
    /// `maximumKilograms`: the message names the limit rather than the form.
    public static func isOverMaximum(_ text: String) -> Bool {
        if case .weightTooLarge = JournalRowParser.weightProblem(text.trimmingCharacters(in: .whitespaces)) { return true }
        return false
    }
}

extension LocalDate {
    /// Whether `text` is written as a date (2026-02-31, 31.02.2026, maybe
    /// with a time) that the calendar does not have: then the message says
    /// there is no such day, not that the form is wrong.
    public static func isImpossibleDate(_ text: String) -> Bool {
        let t = text.trimmingCharacters(in: .whitespaces)
        let datePart = t.split(whereSeparator: { $0 == " " || $0 == "T" }).first.map(String.init) ?? t
        let iso = datePart.range(of: "^[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}$", options: .regularExpression) != nil
        let dotted = datePart.range(of: "^[0-9]{1,2}\\.[0-9]{1,2}\\.([0-9]{2}|[0-9]{4})$", options: .regularExpression) != nil
        return (iso || dotted) && parse(datePart) == nil
    }
}
