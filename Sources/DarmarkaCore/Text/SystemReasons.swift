import Foundation

/// The reasons the system and SQLite give for a failed file operation, which
/// come in English only, in both languages: a volunteer in Russian mode
/// should not read "No such file or directory". A reason not listed here
/// is shown as given.
public enum SystemReasons {
    public static func phrase(_ reason: String) -> Phrase {
        let key = reason.lowercased().trimmingCharacters(in: .whitespacesAndNewlines.union(.init(charactersIn: ".")))
        switch key {
        case "no such file or directory":
            return Phrase(ru: "нет такого файла или папки", en: "no such file or folder")
        case "permission denied", "operation not permitted", "attempt to write a readonly database":
            return Phrase(ru: "нет прав на запись", en: "permission denied")
        case "is a directory":
            return Phrase(ru: "это папка, а не файл", en: "it is a folder, not a file")
        case "not a directory":
            return Phrase(ru: "часть пути — не папка", en: "part of the path is not a folder")
        case "no space left on device", "database or disk is full":
            return Phrase(ru: "на диске нет места", en: "the disk is full")
        case "read-only file system":
            return Phrase(ru: "диск только для чтения", en: "the disk is read-only")
        case "disk quota exceeded":
            return Phrase(ru: "превышена квота диска", en: "the disk quota is used up")
        case "disk i/o error", "input/output error":
            return Phrase(ru: "ошибка чтения или записи диска", en: "a disk read or write error")
        case "unable to open database file":
            return Phrase(ru: "файл не открывается как база (нет файла, папки или прав)",
                          en: "the file cannot be opened as a database (no file, no folder or no permission)")
        case "file is not a database":
            return Phrase(ru: "файл не является базой SQLite", en: "the file is not an SQLite database")
        default:
            return Phrase(ru: reason, en: reason)
        }
    }
}
