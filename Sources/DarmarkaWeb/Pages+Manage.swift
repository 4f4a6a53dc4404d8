import DarmarkaCore
import DarmarkaKit
import Foundation
import Hummingbird

/// The manager's side of the box page: transfer, write-off, stock take, and
/// making a pre-printed code a box. Each handler checks the session, then
/// `Access` for `.manage` at the box's centre, before it reads or writes.
extension Pages {
    // MARK: Rendering with the manager's words

    func managerWords(_ lang: Lang) -> [String: String] {
        Dictionary(uniqueKeysWithValues: WebManagerWord.allCases.map { ($0.rawValue, $0.phrase.text(lang)) })
    }

    /// A page whose template uses the manager's words (`{{m.…}}`) as well as the volunteer's (`{{t.…}}`).
    func managerPage(_ request: Request, _ template: String, _ data: [String: Any], heading: String, session: WebSession,
                     status: HTTPResponse.Status = .ok) -> Response {
        var data = data
        data["m"] = managerWords(lang(request, session))
        return page(request, template, data, heading: heading, session: session, status: status)
    }

    /// What the box page adds for a manager: the buttons of their forms and
    /// the link to the centre's page (for whoever may read it).
    func managerBoxData(_ session: WebSession, box: Box, lang: Lang) -> [String: Any] {
        var data: [String: Any] = ["m": managerWords(lang)]
        if Access.allows(session.account, .manage, centre: box.centreCode) { data["canManage"] = true }
        if Access.allows(session.account, .readCentre, centre: box.centreCode) { data["canReadCentre"] = true }
        return data
    }

    /// A box the session may manage, or the answer to give: 404 for an
    /// unknown code, 403 for a role or centre that does not allow it.
    func managedBox(_ request: Request, code: String, session: WebSession) throws -> Result<Box, ResponseBox> {
        switch try box(request, code: code, session: session, action: .view) {
        case .failure(let r): return .failure(r)
        case .success(let box):
            guard Access.allows(session.account, .manage, centre: box.centreCode) else {
                return .failure(ResponseBox(try forbidden(request, session: session)))
            }
            return .success(box)
        }
    }

    // MARK: Transfer, write-off and stock take

    func managerFormPage(_ request: Request, code: String, form kind: ManagerForm) throws -> Response {
        guard let session = try session(request) else { return toLogin(request) }
        switch try managedBox(request, code: code, session: session) {
        case .failure(let r): return r.response
        case .success(let box):
            let values = kind == .count ? [:] : ["quantity": "1"]
            return try managerForm(request, box: box, kind: kind, session: session, values: values, errors: [:], key: Secrets.token())
        }
    }

    func managerForm(_ request: Request, box: Box, kind: ManagerForm, session: WebSession, values: [String: String],
                     errors: [String: String], key: String, status: HTTPResponse.Status = .ok) throws -> Response {
        let lang = lang(request, session)
        let (categories, stock) = try store.read { (try $0.categories(), try $0.stock(box: box)) }
        let data: [String: Any] = [
            "code": box.code.description, "boxName": box.name as Any, "action": kind.rawValue, "key": key,
            "transfer": kind == .transfer, "writeoff": kind == .writeoff, "count": kind == .count,
            "values": values, "errors": errors,
            // What the box holds first: those are what a manager moves, writes off or counts.
            "held": stock.map { ["name": $0.categoryName.text(lang), "quantity": $0.quantity] }, "hasHeld": !stock.isEmpty,
            "categories": categories.map { ["name": $0.name(lang)] },
            "conditions": Condition.allCases.map { ["code": $0.rawValue, "name": $0.phrase.text(lang), "selected": values["condition"] == $0.rawValue] },
        ]
        return managerPage(request, "manageForm", data, heading: kind.word.phrase.text(lang), session: session, status: status)
    }

    func recordManaged(_ request: Request, code: String, form kind: ManagerForm) async throws -> Response {
        guard let (form, session) = try await postedForm(request) else {
            return refusal(request, WebProblem.badForm, session: nil, status: .forbidden)
        }
        let box: Box
        switch try managedBox(request, code: code, session: session) {
        case .failure(let r): return r.response
        case .success(let b): box = b
        }
        let lang = lang(request, session)
        var values: [String: String] = [:]
        for f in kind.fields { if let v = form[f] { values[f] = v } }
        guard let key = form.text("key"), key.count <= 64 else {
            return refusal(request, WebProblem.badForm, session: session, status: .forbidden)
        }
        do {
            let (outcome, entry, before) = try store.write { tx -> (ManagerRecording.Outcome, HistoryEntry?, String?) in
                let outcome = try ManagerRecording(tx: tx, account: session.account).record(kind, box: box, form: form, key: key)
                guard case .movement(let id) = outcome else { return (outcome, nil, nil) }
                return (outcome, try tx.movement(id), try tx.idempotentAnswer(key: key, user: session.account.id)?.response)
            }
            switch outcome {
            case .agrees(let category, let quantity):
                let done = Note.countAgrees(box: box.code.description, category: category.names, quantity: quantity).text(lang)
                return try boxPage(request, box: box, session: session, done: done, undoID: nil, error: nil)
            case .movement(let id):
                let done = entry.flatMap { ManagerRecording.said($0, before: before, box: box)?.text(lang) }
                    ?? "\(WebWord.recorded.phrase.text(lang))\(id)"
                return try boxPage(request, box: box, session: session, done: done,
                                   undoID: entry?.reversedBy == nil ? id : nil, error: nil)
            }
        } catch let refusal as FieldRefusal {
            // A box of a centre the user does not manage is a 403, also when typed into the form.
            let forbidden = (refusal.problem as? WebProblem) == .forbidden
            return try managerForm(request, box: box, kind: kind, session: session, values: values,
                                   errors: [refusal.field: refusal.problem.text(lang)], key: key,
                                   status: forbidden ? .forbidden : .unprocessableContent)
        } catch let problem as UserFacingError {
            return try managerForm(request, box: box, kind: kind, session: session, values: values,
                                   errors: ["form": problem.text(lang)], key: key, status: .unprocessableContent)
        }
    }

    // MARK: A pre-printed code that is not yet a box

    /// The page of a code issued for a centre but not yet a box: a manager
    /// of a centre (a coordinator: of any) is offered to make it a box
    /// there. Nil when the code is not such a code, or the user may not
    /// claim it: the box page then answers as it always does.
    func claimOffer(_ request: Request, code: String, session: WebSession) throws -> Response? {
        let code = code.removingPercentEncoding ?? code
        guard case .unclaimed(let issued, let printedFor)? = try? store.read({ try $0.resolve(code) }) else { return nil }
        let centres = try store.read { try $0.centres() }.filter { Access.allows(session.account, .manage, centre: $0.code) }
        guard !centres.isEmpty else { return nil }
        return try claimForm(request, code: issued, printedFor: printedFor, session: session,
                             values: ["centre": centres.contains(printedFor) ? printedFor.code : centres[0].code],
                             error: nil, status: .ok)
    }

    func claimForm(_ request: Request, code: BoxCode, printedFor: Centre, session: WebSession, values: [String: String],
                   error: String?, status: HTTPResponse.Status) throws -> Response {
        let lang = lang(request, session)
        let centres = try store.read { try $0.centres() }.filter { Access.allows(session.account, .manage, centre: $0.code) }
        var shown: [String: Any] = values
        shown["otherCentre"] = values["otherCentre"] != nil
        let data: [String: Any] = [
            "code": code.description, "about": WebManagerNote.unclaimed(code: code.description, centre: printedFor.code).text(lang),
            "centres": centres.map { ["code": $0.code, "name": $0.name, "selected": values["centre"] == $0.code] },
            "kinds": BoxKind.allCases.map { ["code": $0.rawValue, "name": $0.phrase.text(lang), "selected": values["kind"] == $0.rawValue] },
            "values": shown, "error": error as Any,
        ]
        return managerPage(request, "claim", data, heading: WebManagerWord.claim.phrase.text(lang), session: session, status: status)
    }

    /// Makes the code a box by the same call as `darmarka box add --code`.
    /// A second submission finds the code a box already and shows it.
    func claim(_ request: Request, code: String) async throws -> Response {
        guard let (form, session) = try await postedForm(request) else {
            return refusal(request, WebProblem.badForm, session: nil, status: .forbidden)
        }
        let lang = lang(request, session)
        let text = code.removingPercentEncoding ?? code
        let resolved: ResolvedCode
        do {
            resolved = try store.read { try $0.resolve(text) }
        } catch let problem as UserFacingError {
            return refusal(request, problem, session: session, status: .notFound)
        }
        let issued: BoxCode, printedFor: Centre
        switch resolved {
        case .box(let box):
            // Claimed already, by this form sent twice or by someone else: the box is what there is to show.
            guard Access.allows(session.account, .view, centre: box.centreCode) else { return try forbidden(request, session: session) }
            return try boxPage(request, box: box, session: session, done: nil, undoID: nil, error: nil)
        case .unclaimed(let c, let centre): (issued, printedFor) = (c, centre)
        }
        let centreCode = form.text("centre") ?? printedFor.code
        // Checked before anything is read for it: a crafted POST for another centre is refused.
        guard Access.allows(session.account, .manage, centre: centreCode) else { return try forbidden(request, session: session) }
        var values: [String: String] = ["centre": centreCode]
        for f in ["name", "kind", "otherCentre"] { if let v = form[f] { values[f] = v } }
        do {
            let box = try store.write { tx -> Box in
                let centre = try tx.centre(centreCode)
                let kind = try form.text("kind").map { text -> BoxKind in
                    guard let k = BoxKind(rawValue: text) else { throw LedgerProblem.invalidArguments(text) }
                    return k
                } ?? .collection
                return try tx.addBox(centre: centre, name: form.text("name"), kind: kind, claiming: issued,
                                     otherCentre: form.ticked("otherCentre"))
            }
            let done = Note.boxAdded(code: box.code.description, centre: box.centreCode).text(lang)
            return try boxPage(request, box: box, session: session, done: done, undoID: nil, error: nil)
        } catch let problem as UserFacingError {
            return try claimForm(request, code: issued, printedFor: printedFor, session: session, values: values,
                                 error: problem.text(lang), status: .unprocessableContent)
        }
    }
}
