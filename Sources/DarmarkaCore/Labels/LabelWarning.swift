/// Something worth telling the user about a label that was still printed.
public enum LabelWarning: Localized, Hashable {
    /// Modules are smaller than 4 printer dots, which phone cameras and
    /// thermal heads handle poorly.
    case smallModules(dotsPerModule: Int, dpi: Int)
    /// A caption or the code had no room and was left off.
    case textDropped(String)
    /// A caption was cut and ends in "…".
    case textShortened(String)
}
