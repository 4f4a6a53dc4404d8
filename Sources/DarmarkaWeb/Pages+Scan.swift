import DarmarkaCore
import DarmarkaKit
import Foundation
import Hummingbird

// The home page and the scan page.
extension Pages {
    func homePage(_ request: Request, session: WebSession) throws -> Response {
        let lang = lang(request, session)
        var data: [String: Any] = [:]
        if session.isDayPass, let pass = try store.read({ try $0.dayPass(user: session.account.id) }) {
            data["passUntil"] = pass.expires
        }
        data.merge(try managerHomeData(session, lang: lang)) { mine, _ in mine }
        return page(request, "home", data, heading: WebWord.title.phrase.text(lang), session: session)
    }

    /// `/scan`: the camera where the browser can read QR codes, the phone's
    /// own camera app elsewhere, and always a field to type a code. A code
    /// (`?code=`, typed or scanned) is read as loosely as `resolve` reads it
    /// and opens its box's page; one that names no box comes back beside the field.
    func scanPage(_ request: Request) throws -> Response {
        guard let session = try session(request) else { return toLogin(request) }
        let lang = lang(request, session)
        let heading = WebVolunteerWord.scanTitle.phrase.text(lang)
        guard let text = request.uri.queryParameters.get("code"), !text.trimmed.isEmpty else {
            return page(request, "scan", [:], heading: heading, session: session)
        }
        do {
            let code: BoxCode
            switch try store.read({ try $0.resolve(text) }) {
            case .box(let box): code = box.code
            // A pre-printed code that is no box yet: its page says so, and offers it to a manager.
            case .unclaimed(let c, _): code = c
            }
            return .redirect(to: "/b/\(code)", type: .normal)
        } catch let problem as UserFacingError {
            return page(request, "scan", ["code": text, "error": problem.text(lang)], heading: heading, session: session,
                        status: .notFound)
        }
    }

    static var scanScript: Response {
        Response(status: .ok, headers: [.contentType: "text/javascript; charset=utf-8", .cacheControl: "max-age=86400"],
                 body: .init(byteBuffer: ByteBuffer(string: Templates.scanJS)))
    }
}
