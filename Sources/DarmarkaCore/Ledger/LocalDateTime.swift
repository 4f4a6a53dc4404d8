import Foundation

extension LocalDate {
    /// Parses a date as `parse` does, optionally followed by a time after a
    /// space or a `T`: `03.11.2026 14:30`, `2026-11-03T14:30`, `03.11.26 9:05:00`.
    /// Spreadsheets add the time when a cell holds a date and time.
    public static func parseWithTime(_ text: String) -> (date: LocalDate, time: LocalTime?)? {
        let t = text.trimmingCharacters(in: .whitespaces)
        guard let split = t.firstIndex(where: { $0 == " " || $0 == "T" }) else {
            return parse(t).map { ($0, nil) }
        }
        guard let date = parse(String(t[..<split])),
              let time = LocalTime.parse(String(t[t.index(after: split)...])) else { return nil }
        return (date, time)
    }
}
