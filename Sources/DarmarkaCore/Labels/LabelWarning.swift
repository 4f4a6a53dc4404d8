/// Something worth telling the user about a label that was still printed.
public enum LabelWarning: Localized, Hashable {
    /// Modules are smaller than 4 printer dots, which phone cameras and
    /// thermal heads handle poorly.
    case smallModules(dotsPerModule: Int, dpi: Int)
    /// A caption or the code had no room and was left off.
    case textDropped(String)
    /// A caption was cut and ends in "…".
    case textShortened(String)

    public var phrase: Phrase {
        switch self {
        case .smallModules(let dots, let dpi):
            Phrase(ru: "Модуль QR-кода всего \(dots) точ. при \(dpi) dpi (нужно от 4): код может плохо читаться; возьмите этикетку больше",
                   en: "QR modules are only \(dots) dots at \(dpi) dpi (4 or more advised): the code may scan poorly; use larger labels")
        case .textDropped(let text):
            Phrase(ru: "Не хватило места для «\(text)», надпись не напечатана",
                   en: "No room for “\(text)”; it was left off")
        case .textShortened(let text):
            Phrase(ru: "Надпись «\(text)» не поместилась и обрезана",
                   en: "“\(text)” did not fit and was shortened")
        }
    }
}
