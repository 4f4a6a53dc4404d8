import Foundation

/// The languages every user-facing text exists in. Russian comes first:
/// it is the language of the people who use Darmarka.
public enum Lang: String, CaseIterable, Sendable {
    case ru, en

    /// The language from a `LANG`/`LC_ALL` style value, Russian unless it says English.
    public static func fromEnvironment(_ env: [String: String]) -> Lang {
        for key in ["DARMARKA_LANG", "LC_ALL", "LC_MESSAGES", "LANG"] {
            guard let v = env[key]?.lowercased(), !v.isEmpty else { continue }
            if v.hasPrefix("ru") { return .ru }
            if v.hasPrefix("en") || v == "c" || v == "posix" || v.hasPrefix("c.") { return .en }
        }
        return .ru
    }
}

/// A text in both languages, kept side by side so neither can be forgotten.
public struct Phrase: Sendable, Equatable {
    public let ru: String
    public let en: String
    public init(ru: String, en: String) { self.ru = ru; self.en = en }
    public func text(_ lang: Lang) -> String { lang == .ru ? ru : en }
}

/// Anything that can be shown to a user in either language.
public protocol Localized: Sendable {
    var phrase: Phrase { get }
}

extension Localized {
    public func text(_ lang: Lang) -> String { phrase.text(lang) }
}

/// An error whose message is meant for the user: one line that says what is
/// wrong and what to do.
public protocol UserFacingError: Error, Localized {}

extension Phrase {
    /// Text that reads the same in both languages: a code, a number, a
    /// name a user typed. It holds no words of the program's own.
    public static func same(_ text: String) -> Phrase { Phrase(ru: text, en: text) }

    /// A name kept in both languages as data (a category's or a group's,
    /// from the database or a file), not words of the program's own.
    public static func stored(_ russian: String, _ english: String) -> Phrase { Phrase(ru: russian, en: english) }

    /// The phrase with a language's text turned by `transform`, the same way
    /// in both languages: punctuation around words, not words.
    public func map(_ transform: (String, Lang) -> String) -> Phrase {
        Phrase(ru: transform(ru, .ru), en: transform(en, .en))
    }

    /// Two phrases side by side, language by language: `Принято, шт.`.
    public static func joined(_ first: Phrase, _ second: Phrase, separator: String) -> Phrase {
        Phrase(ru: first.ru + separator + second.ru, en: first.en + separator + second.en)
    }
}
