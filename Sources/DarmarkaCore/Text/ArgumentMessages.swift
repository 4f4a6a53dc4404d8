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

    /// The parser's message on one line, as every refusal is. Six allowed
    /// values or more it lists on lines of their own, one "  - value" each;
    /// they are folded back into the sentence it writes for fewer
    /// ("Please provide one of 'a', 'b' or 'c'."), so that the values stay
    /// in the message and its Russian. Any other further line is left out.
    public static func oneLine(_ message: String) -> String {
        let lines = message.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        guard let first = lines.first else { return message }
        let listed = ". Please provide one of the following:"
        guard first.hasSuffix(listed) else { return first }
        let values = lines.dropFirst().prefix { $0.hasPrefix("  - ") }.map { "'" + $0.dropFirst(4) + "'" }
        guard let last = values.last else { return first }
        let list = values.count == 1 ? last : values.dropLast().joined(separator: ", ") + " or " + last
        return first.dropLast(listed.count) + ". Please provide one of " + list + "."
    }

    /// `text` ending as a sentence does: with its own mark, else a full stop.
    public static func sentence(_ text: String) -> String {
        guard let last = text.last, !".?!".contains(last) else { return text }
        return text + "."
    }

    /// What follows "is invalid for '…'": the allowed values or a reason.
    private static func reason(_ tail: String) -> String {
        if tail.isEmpty || tail == "." { return "." }
        // Six values or more come as a list on lines of their own, which the
        // one-line message leaves out.
        if tail.hasPrefix(". Please provide one of the following:") { return ". Допустимые значения — в справке." }
        if tail.hasPrefix(". Please provide one of ") {
            let list = tail.dropFirst(". Please provide one of ".count).trimmingCharacters(in: CharacterSet(charactersIn: "."))
            return ". Допустимые значения: " + quoted(list.replacingOccurrences(of: "' and '", with: "' или '")
                .replacingOccurrences(of: "' or '", with: "' или '")) + "."
        }
        if tail.hasPrefix(": ") { return ": " + tail.dropFirst(2) }
        return tail
    }

    /// 'a', 'b' as «a», «b».
    private static func quoted(_ text: String) -> String {
        text.replacingOccurrences(of: "'([^']*)'", with: "«$1»", options: .regularExpression)
    }

    // After "Неверные аргументы:", so each starts in lower case.
    private static let forms: [Form] = [
        Form("Unknown option '(.+?)'\\. Did you mean '(.+)'\\?") { "неизвестный параметр «\($0[0])». Возможно, имелся в виду «\($0[1])»?" },
        Form("Unknown option '(.+)'") { "неизвестный параметр «\($0[0])»" },
        Form("Missing value for '(.+)'") { "не указано значение параметра «\($0[0])»" },
        Form("Missing expected argument '(.+)'") { "не указан обязательный аргумент «\($0[0])»" },
        Form("Missing one of: (.+)") { "нужно указать одно из: \(quoted($0[0]))" },
        Form("Unexpected argument '(.+)'") { "лишний аргумент «\($0[0])»" },
        Form("([0-9]+) unexpected arguments: (.+)") { "лишние аргументы (\($0[0])): \(quoted($0[1]))" },
        Form("The value '(.*)' is invalid for '(.+?)'(.*)") { "значение «\($0[0])» не подходит для «\($0[1])»" + reason($0[2]) },
        Form("The value '(.*)' is invalid\\.(.*)") { "значение «\($0[0])» не подходит" + reason($0[1]) },
        Form("The option '(.+)' does not take any value, but '(.*)' was specified\\.") {
            "параметр «\($0[0])» не принимает значений, но указано «\($0[1])»."
        },
        Form("Invalid option: (.+)") { "неверный параметр: \($0[0])" },
        Form("Missing required subcommand\\.") { _ in "не указана команда." },
        Form("Value to be set with flag '(.+?)'.* had already been set with flag '(.+?)'.*") {
            "значение параметра «\($0[0])» уже задано параметром «\($0[1])»"
        },
    ]
}
