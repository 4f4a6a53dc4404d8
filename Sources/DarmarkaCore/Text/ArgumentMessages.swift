import Foundation

/// The command-line parser's own messages (swift-argument-parser writes
/// them in English only) in Russian, so that a mistyped option reads in the
/// user's language like every other message.
///
/// Each form is matched whole; a message of a form not listed stays in
/// English rather than being half translated.
public enum ArgumentMessages {
    /// `message` in Russian, or as it is when its form is unknown.
    public static func russian(_ message: String) -> String {
        for form in forms {
            guard let match = form.pattern?.firstMatch(in: message, range: NSRange(message.startIndex..., in: message)) else { continue }
            let groups = (1 ..< match.numberOfRanges).map { i in
                Range(match.range(at: i), in: message).map { String(message[$0]) } ?? ""
            }
            return form.russian(groups)
        }
        return message
    }

    private struct Form: @unchecked Sendable {
        let pattern: NSRegularExpression?
        let russian: ([String]) -> String

        init(_ pattern: String, _ russian: @escaping ([String]) -> String) {
            // The patterns are literals of this file, tested one by one.
            self.pattern = try? NSRegularExpression(pattern: "^" + pattern + "$", options: [.dotMatchesLineSeparators])
            self.russian = russian
        }
    }

    /// `text` ending as a sentence does: with its own mark, else a full stop.
    public static func sentence(_ text: String) -> String {
        guard let last = text.last, !".?!".contains(last) else { return text }
        return text + "."
    }

    /// What follows "is invalid for '…'": a list of allowed values or a reason.
    private static func reason(_ tail: String) -> String {
        if tail.isEmpty || tail == "." { return "." }
        if tail.hasPrefix(". Please provide one of ") {
            let list = tail.dropFirst(". Please provide one of ".count).replacingOccurrences(of: " and ", with: " или ")
            return ". Допустимо: " + list.trimmingCharacters(in: CharacterSet(charactersIn: ".")) + "."
        }
        if tail.hasPrefix(": ") { return ": " + tail.dropFirst(2) }
        return tail
    }

    private static let forms: [Form] = [
        Form("Unknown option '(.+?)'\\. Did you mean '(.+)'\\?") { "Неизвестный параметр «\($0[0])». Может быть, «\($0[1])»?" },
        Form("Unknown option '(.+)'") { "Неизвестный параметр «\($0[0])»" },
        Form("Missing value for '(.+)'") { "Не указано значение для «\($0[0])»" },
        Form("Missing expected argument '(.+)'") { "Не указан обязательный аргумент «\($0[0])»" },
        Form("Missing one of: (.+)") { "Нужно указать одно из: \($0[0])" },
        Form("Unexpected argument '(.+)'") { "Лишний аргумент «\($0[0])»" },
        Form("([0-9]+) unexpected arguments: (.+)") { "Лишние аргументы (\($0[0])): \($0[1])" },
        Form("The value '(.*)' is invalid for '(.+?)'(.*)") { "Значение «\($0[0])» не подходит для «\($0[1])»" + reason($0[2]) },
        Form("The value '(.*)' is invalid\\.(.*)") { "Значение «\($0[0])» не подходит" + reason($0[1]) },
        Form("The option '(.+)' does not take any value, but '(.*)' was specified\\.") {
            "Параметр «\($0[0])» не принимает значения, а указано «\($0[1])»."
        },
        Form("Invalid option: (.+)") { "Неверный параметр: \($0[0])" },
        Form("Missing required subcommand\\.") { _ in "Не указана команда." },
        Form("Value to be set with (.+) had already been set with (.+)") { "Значение из \($0[0]) уже задано в \($0[1])" },
    ]
}
