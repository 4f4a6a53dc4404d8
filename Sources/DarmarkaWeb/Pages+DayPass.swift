import DarmarkaCore
import DarmarkaKit
import Foundation
import Hummingbird

// A day pass's link (`/pass?t=TOKEN`; the query keeps the token out of the
// request log, which writes the path only). Opening it asks «Как вас
// зовут?»; the answer is posted, and only then is the pass used up and the
// phone signed in: a messenger that fetches a link to preview it must not
// spend a one-time pass.
extension Pages {
    func passPage(_ request: Request) throws -> Response {
        // The phone the pass is open on: the link again takes it in.
        if let session = try session(request), session.isDayPass { return .redirect(to: "/", type: .normal) }
        let token = request.uri.queryParameters.get("t") ?? ""
        return try passForm(request, token: token, name: "", error: nil)
    }

    func passForm(_ request: Request, token: String, name: String, error: String?,
                  status: HTTPResponse.Status = .ok) throws -> Response {
        let lang = lang(request, nil)
        let pass: DayPass
        do {
            pass = try store.read { try $0.usableDayPass(tokenHash: Secrets.hashed(token)) }
        } catch let problem as DayPassProblem {
            return refusal(request, problem, session: nil, status: problem == .unknown ? .notFound : .gone)
        }
        return page(request, "pass", ["here": "/pass?t=\(token)", "token": token, "name": name, "error": error as Any, "centre": pass.centre, "until": pass.expires],
                    heading: WebVolunteerWord.yourName.phrase.text(lang), session: nil, status: status)
    }

    func openPass(_ request: Request) async throws -> Response {
        var request = request
        let form = FormData(String(buffer: try await request.collectBody(upTo: Self.maxBody)))
        let token = form["t"] ?? ""
        let name = form["name"] ?? ""
        let lang = lang(request, nil)
        let id = Secrets.token()
        do {
            let seconds = try store.write { tx in
                try tx.openDayPass(tokenHash: Secrets.hashed(token), volunteer: name, sessionIDHash: Secrets.hashed(id),
                                   csrf: Secrets.token())
            }
            var response = Response.redirect(to: "/", type: .normal)
            response.setCookie(cookie(Self.sessionCookie, id, maxAge: max(1, Int(seconds))))
            return response
        } catch let problem as DayPassProblem {
            switch problem {
            case .emptyName, .nameNotOneLine, .nameTooLong:
                return try passForm(request, token: token, name: name, error: problem.text(lang), status: .unprocessableContent)
            default:
                return refusal(request, problem, session: nil, status: problem == .unknown ? .notFound : .gone)
            }
        }
    }
}
