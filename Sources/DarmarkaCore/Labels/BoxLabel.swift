import Foundation

/// What Darmarka prints on a box's label: the QR symbol, the code under it,
/// and the centre's and box's names as captions.
public enum BoxLabel {
    /// What the symbol encodes: the code, or `urlBase` followed by the code.
    ///
    /// A URL is written in upper case. QR's compact alphanumeric mode holds
    /// only digits, upper-case letters and ` $%*+-./:`, so an upper-case URL
    /// stays a small symbol (version 2 instead of 3 at level M). Scheme and
    /// host ignore case; the server that answers must ignore it in the path.
    public static func payload(for code: BoxCode, urlBase: String?) -> String {
        guard let urlBase else { return code.description }
        return (urlBase + code.description).uppercased()
    }

    /// The label of a registered box.
    public static func content(for box: Box, urlBase: String?) -> LabelContent {
        LabelContent(payload: payload(for: box.code, urlBase: urlBase), code: box.code.description,
                     lines: [box.centreName] + (box.name.map { [$0] } ?? []))
    }

    /// The label of a pre-printed code that is not a box yet: it names only
    /// the centre it was issued for.
    public static func blank(_ code: BoxCode, centreName: String, urlBase: String?) -> LabelContent {
        LabelContent(payload: payload(for: code, urlBase: urlBase), code: code.description, lines: [centreName])
    }

    /// `text` as a URL base, or `LabelCLIProblem.badURLBase`.
    ///
    /// It must be an http(s) address without spaces, and a scanned label must
    /// still give back its code: `BoxCode.find` splits at `/`, `=`, `?` and the
    /// like, so the base has to end in one of them.
    public static func urlBase(_ text: String) throws -> String {
        let base = text.trimmingCharacters(in: .whitespaces)
        let lower = base.lowercased()
        guard lower.hasPrefix("http://") || lower.hasPrefix("https://"), base.count <= 200,
              !base.unicodeScalars.contains(where: { $0.properties.isWhitespace || $0.value < 0x20 || $0.value == 0x7F }),
              let sample = BoxCode.firstIssuable(from: 12_345), let last = BoxCode.firstIssuable(from: BoxCode.serialLimit - 40),
              [sample, last].allSatisfy({ BoxCode.find(in: payload(for: $0, urlBase: base)) == .success($0) })
        else { throw LabelCLIProblem.badURLBase(text) }
        return base
    }
}
