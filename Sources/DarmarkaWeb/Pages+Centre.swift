import DarmarkaCore
import DarmarkaKit
import Foundation
import Hummingbird

/// The centre page: its boxes with their totals, and for a manager the
/// label sheets of its boxes or of new pre-printed codes, drawn by the same
/// Kit code as `darmarka labels boxes` and `labels blank`.
extension Pages {
    /// The centres a user may open, for the home page.
    func readableCentres(_ session: WebSession) throws -> [Centre] {
        try store.read { try $0.centres() }.filter { Access.allows(session.account, .readCentre, centre: $0.code) }
    }

    /// What the home page adds: links to the centres, reports and import the user may open.
    func managerHomeData(_ session: WebSession, lang: Lang) throws -> [String: Any] {
        let centres = try readableCentres(session)
        let reports = Access.readsWholeOrganisation(session.account)
            || centres.contains { Access.allows(session.account, .readReport, centre: $0.code) }
        var data: [String: Any] = ["m": managerWords(lang)]
        if !centres.isEmpty || reports || Access.imports(session.account) {
            data["homeLinks"] = [
                "centres": centres.map { ["code": $0.code, "name": $0.name] },
                "reports": reports, "import": Access.imports(session.account),
            ] as [String: Any]
        }
        return data
    }

    func centrePage(_ request: Request, centre code: String) throws -> Response {
        guard let session = try session(request) else { return toLogin(request) }
        let centre: Centre
        do {
            centre = try store.read { try $0.centre(code.removingPercentEncoding ?? code) }
        } catch let problem as UserFacingError {
            return refusal(request, problem, session: session, status: .notFound)
        }
        guard Access.allows(session.account, .readCentre, centre: centre.code) else { return try forbidden(request, session: session) }
        return try centrePage(request, centre: centre, session: session, values: ["template": "L7160", "skip": "0", "copies": "1", "count": "24"],
                              errors: [:], key: Secrets.token())
    }

    func centrePage(_ request: Request, centre: Centre, session: WebSession, values: [String: String], errors: [String: String],
                    key: String, status: HTTPResponse.Status = .ok) throws -> Response {
        let lang = lang(request, session)
        let (boxes, stock) = try store.read { tx in (try tx.boxes(centre: centre), try tx.stock(centre: centre)) }
        var items: [String: Int] = [:], grams: [String: Int64] = [:]
        for line in stock {
            items[line.box, default: 0] += line.quantity
            grams[line.box, default: 0] += line.grams.value
        }
        let separator = lang == .ru ? "," : "."
        let rows: [[String: Any]] = boxes.map { box in
            let code = box.code.description
            var row: [String: Any] = ["code": code, "items": items[code] ?? 0,
                                      "kg": Grams(grams[code] ?? 0).kilogramText(decimalSeparator: separator)]
            if let name = box.name { row["name"] = name }
            if box.status == .retired { row["retired"] = true }
            return row
        }
        var shown: [String: Any] = values
        shown["outline"] = values["outline"] != nil
        let projectTemplates = TemplateCatalogue.standard(includeGLabels: false).templates.map(\.id)
        let data: [String: Any] = [
            "centre": centre.code, "centreName": centre.name, "boxes": rows, "hasBoxes": !rows.isEmpty,
            "totalItems": items.values.reduce(0, +),
            "totalKg": Grams(grams.values.reduce(0, +)).kilogramText(decimalSeparator: separator),
            "canManage": Access.allows(session.account, .manage, centre: centre.code),
            "canReport": Access.allows(session.account, .readReport, centre: centre.code),
            "templates": projectTemplates.map { ["id": $0] }, "values": shown, "errors": errors, "key": key,
        ]
        return managerPage(request, "centre", data, heading: "\(WebManagerWord.centrePage.phrase.text(lang)) \(centre.code)",
                           session: session, status: status)
    }

    /// The URL a label's QR holds: the server's public address and `/b/`,
    /// as `darmarka labels --url-base` would be given it.
    static func labelURLBase(_ base: String?) throws -> String? {
        guard var b = base?.trimmingCharacters(in: .whitespaces), !b.isEmpty else { return nil }
        if !b.lowercased().hasSuffix("/b/") {
            while b.hasSuffix("/") { b.removeLast() }
            b += "/b/"
        }
        return try BoxLabel.urlBase(b)
    }

    /// A whole number typed into a form, or a refusal beside its field.
    static func wholeNumber(_ form: FormData, _ field: String, default value: Int) throws -> Int {
        guard let text = form.text(field) else { return value }
        guard let n = Int(text) else { throw FieldRefusal(field: field, problem: WebManagerProblem.notWholeNumber(text)) }
        return n
    }

    /// The PDF of the centre's boxes or of new codes. New codes are issued
    /// and drawn in one transaction that commits only once the drawing
    /// exists: a failed drawing uses up no codes. A second submission of the
    /// same form draws the codes the first one issued, and issues none.
    func labels(_ request: Request, centre code: String) async throws -> Response {
        guard let (form, session) = try await postedForm(request) else {
            return refusal(request, WebProblem.badForm, session: nil, status: .forbidden)
        }
        guard let centre = try? store.read({ try $0.centre(code.removingPercentEncoding ?? code) }) else {
            return refusal(request, LedgerProblem.unknownCentre(code), session: session, status: .notFound)
        }
        guard Access.allows(session.account, .manage, centre: centre.code) else { return try forbidden(request, session: session) }
        let lang = lang(request, session)
        var values: [String: String] = [:]
        for f in ["template", "skip", "copies", "count", "outline"] { if let v = form[f] { values[f] = v } }
        guard let key = form.text("key"), key.count <= 64 else {
            return refusal(request, WebProblem.badForm, session: session, status: .forbidden)
        }
        let blank = form["what"] == "blank"
        do {
            let template = try Recording.field("template") { try TemplateCatalogue.named(form.text("template") ?? "") }
            let skip = try Self.wholeNumber(form, "skip", default: 0)
            let copies = try Self.wholeNumber(form, "copies", default: 1)
            let count = try blank ? Self.wholeNumber(form, "count", default: 0) : 1
            if blank, !(1...LabelCLIProblem.maximumBlankCount).contains(count) {
                throw FieldRefusal(field: "count", problem: LabelCLIProblem.badBlankCount(count))
            }
            // Skip and copies are checked before any code is issued.
            _ = try Recording.field("skip") { try template.pageCount(count: count, skip: skip, copies: copies) }
            let urlBase = try Self.labelURLBase(settings.urlBase)
            let options = LabelRenderOptions(skip: skip, copies: copies, outline: form.ticked("outline"))
            let bytes: [UInt8]
            let name: String
            if blank {
                bytes = try store.write { tx -> [UInt8] in
                    let codes: [BoxCode]
                    if let earlier = try tx.idempotentAnswer(key: key, user: session.account.id), let issued = earlier.response {
                        codes = issued.split(separator: " ").compactMap { try? BoxCode.parse(String($0)).get() }
                    } else {
                        codes = try tx.issueCodes(count: count, centre: centre, purpose: .blank)
                        try tx.rememberIdempotency(key: key, user: session.account.id, movement: nil,
                                                   response: codes.map(\.description).joined(separator: " "))
                    }
                    // Drawn inside the transaction: a drawing that fails rolls the codes back.
                    return try LabelRenderer.pdf(codes.map { BoxLabel.blank($0, centreName: centre.name, urlBase: urlBase) },
                                                 on: template, options: options).bytes
                }
                name = "codes-\(centre.code).pdf"
            } else {
                let boxes = try store.read { try $0.boxes(centre: centre) }.filter { $0.status == .active }
                guard !boxes.isEmpty else { throw LabelCLIProblem.noBoxesAtCentre(centre.code) }
                bytes = try LabelRenderer.pdf(boxes.map { BoxLabel.content(for: $0, urlBase: urlBase) }, on: template, options: options).bytes
                name = "labels-\(centre.code).pdf"
            }
            return Response(status: .ok, headers: [.contentType: "application/pdf",
                                                   .contentDisposition: "attachment; filename=\"\(name)\""],
                            body: .init(byteBuffer: ByteBuffer(bytes: bytes)))
        } catch let refusal as FieldRefusal {
            return try centrePage(request, centre: centre, session: session, values: values,
                                  errors: [refusal.field: refusal.problem.text(lang)], key: key, status: .unprocessableContent)
        } catch let problem as UserFacingError {
            return try centrePage(request, centre: centre, session: session, values: values,
                                  errors: ["labels": problem.text(lang)], key: key, status: .unprocessableContent)
        }
    }
}

extension Recording {
    /// Runs `body`, tying a refusal it throws to `field`.
    static func field<T>(_ field: String, _ body: () throws -> T) throws -> T {
        do { return try body() } catch let problem as UserFacingError { throw FieldRefusal(field: field, problem: problem) }
    }
}
