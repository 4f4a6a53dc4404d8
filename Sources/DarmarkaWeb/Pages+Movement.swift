import DarmarkaCore
import DarmarkaKit
import Foundation
import Hummingbird

// Intake and handout: the frequent categories as big buttons, a search by
// any name through the command line's matcher, and a handout's basket of
// several lines for one recipient. Every button but «Записать» brings the
// form back changed, with every value and the idempotency key kept, and
// writes nothing; so all of it works without JavaScript.
extension Pages {
    func formPage(_ request: Request, code: String, kind: MovementKind) throws -> Response {
        guard let session = try session(request) else { return toLogin(request) }
        switch try box(request, code: code, session: session, action: kind == .intake ? .intake : .handout) {
        case .failure(let r): return r.response
        case .success(let box):
            let events = kind == .handout ? try eventsToday(at: box) : []
            // The day's event is preselected only when it is the only one: of two, which is a guess.
            let form = MovementForm(kind: kind, key: Secrets.token(), event: events.count == 1 ? String(events[0].id) : "")
            return try self.form(request, box: box, form: form, session: session)
        }
    }

    /// The events held today at the box's centre.
    func eventsToday(at box: Box) throws -> [Event] {
        try store.read { tx in
            let today = try tx.today()
            return try tx.events(from: today, to: today).filter { $0.centreCode.map(CentreCode.canonical) == CentreCode.canonical(box.centreCode) }
        }
    }

    /// What a search for a category found, to show under the search box.
    struct SearchResult {
        var message: String?
        var choices: [NamedEntry] = []
    }

    func form(_ request: Request, box: Box, form: MovementForm, session: WebSession, errors: [String: String] = [:],
              search: SearchResult? = nil, status: HTTPResponse.Status = .ok) throws -> Response {
        let lang = lang(request, session)
        let (categories, groups, top) = try store.read { tx in
            (try tx.categories(), try tx.groups(), try tx.mostUsedCategories(centre: box.centreCode, kind: form.kind))
        }
        let chosen = Set(form.lines.compactMap { categories.named($0.category)?.code })
        let events = form.kind == .handout ? try eventsToday(at: box) : []
        let many = form.lines.count > 1
        let lines: [[String: Any]] = form.lines.enumerated().map { i, line in
            let n = i + 1
            let field = { (name: String) in MovementForm.field(name, line: n) }
            // Nested values too: a missing error is left out, never printed as `nil`.
            return Self.present(["n": n, "s": n == 1 ? "" : String(n), "category": line.category, "quantity": line.quantity, "kg": line.kg,
                    "errCategory": errors[field("category")] as Any, "errQuantity": errors[field("quantity")] as Any,
                    "errKg": errors[field("kg")] as Any, "removable": many, "numbered": form.kind == .handout && many])
        }
        let entry = { (e: NamedEntry) -> [String: Any] in ["code": e.code, "name": e.name(lang), "on": chosen.contains(e.code)] }
        let data: [String: Any] = [
            "here": "/b/\(box.code)/\(form.kind.rawValue)",
            "code": box.code.description, "boxName": box.name as Any, "action": form.kind.rawValue, "key": form.key,
            "handout": form.kind == .handout, "lines": lines, "lineCount": form.lines.count,
            "canAdd": form.kind == .handout && form.lines.count < MovementForm.maxLines,
            "errors": errors, "top": top.map(entry), "hasTop": !top.isEmpty, "query": form.query,
            "searchMessage": search?.message as Any, "choices": (search?.choices ?? []).map(entry), "hasChoices": !(search?.choices ?? []).isEmpty,
            "categories": categories.map { ["name": $0.name(lang)] },
            "recipient": form.recipient, "isNew": form.isNew, "household": form.household, "note": form.note,
            "groups": groups.map { ["code": $0.code, "name": $0.name(lang), "selected": form.group == $0.code] },
            "conditions": Condition.allCases.map { ["code": $0.rawValue, "name": $0.phrase.text(lang), "selected": form.condition == $0.rawValue] },
            "hasEvents": !events.isEmpty,
            "events": events.map { ["id": String($0.id), "name": $0.name, "selected": form.event == String($0.id)] },
        ]
        let heading = (form.kind == .intake ? WebWord.intake : WebWord.handout).phrase.text(lang)
        return page(request, "form", data, heading: heading, session: session, status: status)
    }

    func record(_ request: Request, code: String, kind: MovementKind) async throws -> Response {
        guard let (posted, session) = try await postedForm(request) else {
            return refusal(request, WebProblem.badForm, session: nil, status: .forbidden)
        }
        let box: Box
        switch try self.box(request, code: code, session: session, action: kind == .intake ? .intake : .handout) {
        case .failure(let r): return r.response
        case .success(let b): box = b
        }
        let lang = lang(request, session)
        guard let key = posted.text("key"), key.count <= 64 else {
            return refusal(request, WebProblem.badForm, session: session, status: .forbidden)
        }
        var form = MovementForm(kind: kind, posted: posted, key: key)
        switch MovementForm.action(posted) {
        case .step(let line, let by):
            form.step(line: line, by: by)
        case .addLine:
            form.addLine()
        case .removeLine(let n):
            form.removeLine(n)
        case .pick(let code):
            if let entry = try store.read({ try $0.categories() }).first(where: { $0.code == code }) {
                form.choose(entry.name(lang))
                form.query = ""
            }
        case .find:
            return try find(request, box: box, form: form, session: session)
        case .save:
            do {
                let id = try store.write { tx in try Recording(tx: tx, session: session).record(form, box: box) }
                return try confirmation(request, id: id, box: box, session: session)
            } catch let refusals as FieldRefusals {
                return try self.form(request, box: box, form: form, session: session,
                                     errors: refusals.errors.mapValues { $0.text(lang) }, status: .unprocessableContent)
            } catch let problem as UserFacingError {
                return try self.form(request, box: box, form: form, session: session,
                                     errors: ["form": problem.text(lang)], status: .unprocessableContent)
            }
        }
        return try self.form(request, box: box, form: form, session: session)
    }

    /// The search box: the command line's matcher reads what was typed. One
    /// category found goes into the form; several, or none, are named with
    /// the command line's words and offered as buttons, and none is guessed.
    func find(_ request: Request, box: Box, form: MovementForm, session: WebSession) throws -> Response {
        let lang = lang(request, session)
        var form = form
        let text = form.query.trimmed
        guard !text.isEmpty else { return try self.form(request, box: box, form: form, session: session) }
        let match = try store.read { try $0.categoryMatcher().match(text) }
        switch match.entry(.category, for: text) {
        case .success(let entry):
            form.choose(entry.name(lang))
            form.query = ""
            return try self.form(request, box: box, form: form, session: session,
                                 search: SearchResult(message: WebVolunteerWord.found.phrase.text(lang) + entry.name(lang)))
        case .failure(let problem):
            var choices: [NamedEntry] = []
            if case .ambiguous(let candidates) = match { choices = candidates }
            if case .unknown(let suggestions) = match { choices = suggestions }
            return try self.form(request, box: box, form: form, session: session,
                                 search: SearchResult(message: problem.text(lang), choices: choices))
        }
    }
}
