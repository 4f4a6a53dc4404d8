/// What is wrong with a recipient's code, in the domain's words: the
/// command line adds how to say that a card is new (`RecipientCLIProblem`).
public enum RecipientProblem: UserFacingError, Equatable {
    /// No recipient has this code, however typed; `similar` are the
    /// registered codes it was most likely meant to be.
    case unknown(String, similar: [String])
    /// The code fits two or more registered recipients once case, dashes and
    /// leading zeros are set aside (a database from before codes were
    /// compared so): which one is meant cannot be told.
    case ambiguous(String, candidates: [String])

    public var phrase: Phrase {
        switch self {
        case .unknown(let code, let similar) where similar.isEmpty:
            Phrase(ru: "Получателя \(code) нет.", en: "There is no recipient \(code).")
        case .unknown(let code, let similar):
            Phrase(ru: "Получателя \(code) нет. Похожие: \(similar.joined(separator: ", ")).",
                   en: "There is no recipient \(code). Similar: \(similar.joined(separator: ", ")).")
        case .ambiguous(let code, let candidates):
            Phrase(ru: "Код \(code) подходит нескольким получателям: \(candidates.joined(separator: ", ")). Наберите код точно так, как он записан.",
                   en: "The code \(code) fits several recipients: \(candidates.joined(separator: ", ")). Type the code exactly as it is registered.")
        }
    }
}

/// A recipient's code on the command line: the domain's problem with the
/// flag that registers a new card.
public enum RecipientCLIProblem: UserFacingError, Equatable {
    /// `problem` is `.unknown`: a typo, or a new card, which is said outright.
    case unknownOrNew(RecipientProblem)
    /// `--new-recipient` without a code to register.
    case newRecipientWithoutCode

    public var phrase: Phrase {
        switch self {
        case .unknownOrNew(let problem):
            Phrase(ru: problem.phrase.ru + " Новый получатель: --new-recipient.",
                   en: problem.phrase.en + " A new recipient: --new-recipient.")
        case .newRecipientWithoutCode:
            Phrase(ru: "--new-recipient регистрирует получателя: укажите и его код (--recipient).",
                   en: "--new-recipient registers a recipient: give their code too (--recipient).")
        }
    }
}

/// What is said about recipients' codes when nothing went wrong.
public enum RecipientNote: Localized, Equatable {
    /// Codes a journal import registered, so that a typo among them is seen
    /// before the month is reported; `more` were registered beyond those listed.
    case newCodes([String], more: Int)
    /// Registered codes that are one code typed differently (`check`).
    case sameCode([String])

    /// How many new codes an import summary lists by name.
    public static let listed = 20

    public var phrase: Phrase {
        switch self {
        case .newCodes(let codes, let more):
            Phrase(ru: "Новые коды получателей: \(codes.joined(separator: ", "))" + (more > 0 ? " и ещё \(more)." : "."),
                   en: "New recipient codes: \(codes.joined(separator: ", "))" + (more > 0 ? " and \(more) more." : "."))
        case .sameCode(let codes):
            Phrase(ru: "Получатели \(codes.joined(separator: ", ")) — один код, набранный по-разному. Если это один человек, выдавайте по одному из кодов; выдачу по любому из них набирайте точно так, как он записан.",
                   en: "Recipients \(codes.joined(separator: ", ")) are one code typed differently. If they are one person, hand out under one of the codes; type either exactly as it is registered.")
        }
    }
}
