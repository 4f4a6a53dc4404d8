import DarmarkaCore
import DarmarkaKit
import Hummingbird

// A signed-in user's settings: the language of the pages, kept on the account.
extension Pages {
    /// The language toggle of a signed-in user: kept on their account (and
    /// in the cookie), then back to the page they were on.
    func setLang(_ request: Request) async throws -> Response {
        guard let (form, session) = try await postedForm(request) else {
            return refusal(request, WebProblem.badForm, session: nil, status: .forbidden)
        }
        guard let lang = form.text("lang").flatMap({ Lang(rawValue: $0.lowercased()) }) else {
            return refusal(request, WebProblem.badForm, session: session, status: .unprocessableContent)
        }
        try store.write { try $0.setLang(lang, user: session.account.id) }
        var response = Response.redirect(to: Self.safeNext(form["next"]), type: .normal)
        response.setCookie(cookie(Self.langCookie, lang.rawValue, maxAge: 365 * 86400))
        return response
    }
}
