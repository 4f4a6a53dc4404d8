import Foundation

/// The reasons the system and SQLite give for a failed file operation, which
/// come in English only, in both languages: a volunteer in Russian mode
/// should not read "No such file or directory". A reason not listed here
/// is shown as given.
public enum SystemReasons {
    public static func phrase(_ reason: String) -> Phrase {
        let key = reason.lowercased().trimmingCharacters(in: .whitespacesAndNewlines.union(.init(charactersIn: ".")))
        return known[key] ?? Phrase(ru: reason, en: reason)
    }

    /// By `strerror`'s and SQLite's words, in lower case.
    private static let known: [String: Phrase] = {
        let noPermission = Phrase(ru: "нет прав на запись", en: "permission denied")
        let full = Phrase(ru: "на диске нет места", en: "the disk is full")
        let io = Phrase(ru: "ошибка чтения или записи диска", en: "a disk read or write error")
        return [
            "no such file or directory": Phrase(ru: "нет такого файла или папки", en: "no such file or folder"),
            "permission denied": noPermission,
            "operation not permitted": noPermission,
            "attempt to write a readonly database": noPermission,
            "is a directory": Phrase(ru: "это папка, а не файл", en: "it is a folder, not a file"),
            "not a directory": Phrase(ru: "часть пути — не папка", en: "part of the path is not a folder"),
            "no space left on device": full,
            "database or disk is full": full,
            "read-only file system": Phrase(ru: "диск только для чтения", en: "the disk is read-only"),
            "disk quota exceeded": Phrase(ru: "превышена квота диска", en: "the disk quota is used up"),
            "disk i/o error": io,
            "input/output error": io,
            "unable to open database file": Phrase(ru: "файл не открывается как база (нет файла, папки или прав)",
                                                   en: "the file cannot be opened as a database (no file, no folder or no permission)"),
            "file is not a database": Phrase(ru: "файл не является базой SQLite", en: "the file is not an SQLite database"),
        ]
    }()
}
