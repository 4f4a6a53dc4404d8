import DarmarkaCore
import DarmarkaKit
import Foundation
import Hummingbird

/// The reports page: a month, a year or a range, for the organisation or
/// one centre, built by the same `tx.report` as `darmarka report` and shown
/// as the HTML report's own body (figures, chart, targets); downloads in
/// XLSX, PDF and CSV are the command line's files, byte for byte.
extension Pages {
    /// A report as the query asks for it: what to build, and the values to show back in the form.
    struct ReportQuery {
        var kind: Report.Kind
        var centre: Centre?
        var lastWholeMonth: Bool
        var values: [String: String]
    }

    /// Reads the query: `period` (month, year, range), `month`, `year`,
    /// `from`, `to`, `centre`. A value that is wrong is refused beside its field.
    func reportQuery(_ request: Request, session: WebSession, today: LocalDate) throws -> ReportQuery {
        let q = request.uri.queryParameters
        func text(_ name: String) -> String? {
            let t = q.get(name)?.trimmingCharacters(in: .whitespaces)
            return t?.isEmpty == false ? t : nil
        }
        var values: [String: String] = [:]
        for f in ["period", "month", "year", "from", "to", "centre"] { if let v = text(f) { values[f] = v } }
        // A role that reads only its centres starts at its first one.
        let readable = try store.read { try $0.centres() }.filter { Access.allows(session.account, .readReport, centre: $0.code) }
        if values["centre"] == nil, !Access.readsWholeOrganisation(session.account), let first = readable.first {
            values["centre"] = first.code
        }
        var centre: Centre?
        if let code = values["centre"] {
            let found = try Recording.field("centre") { try store.read { try $0.centre(code) } }
            guard Access.allows(session.account, .readReport, centre: found.code) else { throw ReportForbidden() }
            centre = found
        } else if !Access.readsWholeOrganisation(session.account) {
            if readable.isEmpty { throw ReportForbidden() }
            throw FieldRefusal(field: "centre", problem: WebManagerProblem.reportNeedsCentre)
        }
        let period = values["period"] ?? "month"
        values["period"] = period
        switch period {
        case "month":
            guard let text = values["month"] else {
                let m = YearMonth(today).previous
                values["month"] = m.description
                return ReportQuery(kind: .monthly(m), centre: centre, lastWholeMonth: true, values: values)
            }
            guard let m = MonthInput.parse(text, today: today) else {
                throw FieldRefusal(field: "month", problem: LedgerProblem.badMonth(text))
            }
            return ReportQuery(kind: .monthly(m), centre: centre, lastWholeMonth: false, values: values)
        case "year":
            let text = values["year"] ?? String(today.year)
            values["year"] = text
            guard text.count == 4, let y = Int(text), Period.year(y) != nil, Period.year(y - 1) != nil else {
                throw FieldRefusal(field: "year", problem: LedgerProblem.badYear(text))
            }
            return ReportQuery(kind: .year(y), centre: centre, lastWholeMonth: false, values: values)
        case "range":
            let a = try Recording.field("from") { try LocalDate.read(values["from"] ?? "") }
            let b = try Recording.field("to") { try LocalDate.read(values["to"] ?? "") }
            guard a <= b else { throw FieldRefusal(field: "to", problem: LedgerProblem.periodBackwards(from: a, to: b)) }
            return ReportQuery(kind: .range(Period(from: a, to: b)), centre: centre, lastWholeMonth: false, values: values)
        default:
            throw FieldRefusal(field: "period", problem: WebManagerProblem.badReportPeriod(period))
        }
    }

    /// A centre asked for that the user may not read: 403, as for a box.
    struct ReportForbidden: Error {}

    /// The report and the organisation's today, read in one transaction
    /// with the seal of the last movement it counts, as `darmarka report` does.
    func buildReport(_ query: ReportQuery) throws -> (Report, LocalDate) {
        var (report, today) = try store.read { tx in
            var report = try tx.report(query.kind, centre: query.centre)
            let seal = try tx.seal()
            report.seal = Report.Seal(movement: seal.movement, hash: seal.hash)
            return (report, try tx.today())
        }
        report.isLastWholeMonth = query.lastWholeMonth
        return (report, today)
    }

    /// Whether the user reads any report at all: a volunteer does not.
    func readsReports(_ account: Account) throws -> Bool {
        if Access.readsWholeOrganisation(account) { return true }
        return try store.read { try $0.centres() }.contains { Access.allows(account, .readReport, centre: $0.code) }
    }

    func reportsPage(_ request: Request, done: String? = nil, targetValues: [String: String] = [:],
                     targetErrors: [String: String] = [:], status: HTTPResponse.Status? = nil) throws -> Response {
        guard let session = try session(request) else { return toLogin(request) }
        guard try readsReports(session.account) else { return try forbidden(request, session: session) }
        let lang = lang(request, session)
        let today = try store.read { try $0.today() }
        var values: [String: String] = [:]
        var errors: [String: String] = [:]
        var body: String?
        var downloads: [[String: String]] = []
        do {
            let query = try reportQuery(request, session: session, today: today)
            values = query.values
            body = try buildReport(query).0.htmlBody(lang)
            let shared = query.values.map { "\($0.key)=\(Self.queryEscaped($0.value))" }.sorted().joined(separator: "&")
            downloads = ReportDownload.allCases.map { ["label": $0.rawValue.uppercased(), "href": "/reports/download?format=\($0.rawValue)&\(shared)"] }
        } catch is ReportForbidden {
            return try forbidden(request, session: session)
        } catch let refusal as FieldRefusal {
            errors[refusal.field] = refusal.problem.text(lang)
            for f in ["period", "month", "year", "from", "to", "centre"] { if let v = request.uri.queryParameters.get(f) { values[f] = v } }
        } catch let problem as UserFacingError {
            errors["form"] = problem.text(lang)
        }
        let period = values["period"] ?? "month"
        let centres = try store.read { try $0.centres() }.filter { Access.allows(session.account, .readReport, centre: $0.code) }
        let periods: [(String, WebManagerWord)] = [("month", .month), ("year", .year), ("range", .range)]
        let data: [String: Any] = [
            "values": values, "errors": errors, "report": body as Any, "downloads": downloads, "hasDownloads": !downloads.isEmpty,
            "periods": periods.map {
                ["code": $0.0, "name": $0.1.phrase.text(lang), "selected": period == $0.0] as [String: Any]
            },
            "whole": Access.readsWholeOrganisation(session.account),
            "centres": centres.map { ["code": $0.code, "name": $0.name, "selected": values["centre"] == $0.code] as [String: Any] },
            "setsTargets": Access.setsTargets(session.account), "done": done as Any,
            "target": targetValues, "targetErrors": targetErrors,
            "metrics": Metric.allCases.map { ["code": $0.rawValue, "name": $0.phrase.text(lang), "selected": targetValues["metric"] == $0.rawValue] as [String: Any] },
        ]
        return managerPage(request, "reports", data, heading: WebManagerWord.reports.phrase.text(lang), session: session,
                           status: status ?? (errors.isEmpty ? .ok : .unprocessableContent))
    }

    /// The forms a report downloads in.
    enum ReportDownload: String, CaseIterable {
        case xlsx, pdf, csv

        var contentType: String {
            switch self {
            case .xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            case .pdf: "application/pdf"
            case .csv: "text/csv; charset=utf-8"
            }
        }
    }

    func reportDownload(_ request: Request) throws -> Response {
        guard let session = try session(request) else { return toLogin(request) }
        guard try readsReports(session.account) else { return try forbidden(request, session: session) }
        let lang = lang(request, session)
        let asked = request.uri.queryParameters.get("format") ?? ""
        guard let form = ReportDownload(rawValue: asked.lowercased()) else {
            return refusal(request, LedgerProblem.badFormat(asked), session: session, status: .badRequest)
        }
        let query: ReportQuery
        do {
            query = try reportQuery(request, session: session, today: try store.read { try $0.today() })
        } catch is ReportForbidden {
            return try forbidden(request, session: session)
        } catch let refusal as FieldRefusal {
            return self.refusal(request, refusal.problem, session: session, status: .unprocessableContent)
        }
        let (report, today) = try buildReport(query)
        let bytes: [UInt8]
        switch form {
        case .csv: bytes = Array(report.render(.csv, lang: lang).utf8)
        case .xlsx: bytes = try ReportFile.render(report, as: .xlsx, lang: lang, generatedOn: today)
        case .pdf: bytes = try ReportFile.render(report, as: .pdf, lang: lang, generatedOn: today)
        }
        let name = Self.reportFileName(query) + "." + form.rawValue
        return Response(status: .ok, headers: [.contentType: form.contentType, .contentDisposition: "attachment; filename=\"\(name)\""],
                        body: .init(byteBuffer: ByteBuffer(bytes: bytes)))
    }

    /// `report-2026-03-PRE`: what was asked for, in ASCII, for the file's name.
    static func reportFileName(_ query: ReportQuery) -> String {
        var name = "report-"
        switch query.kind {
        case .monthly(let m): name += m.description
        case .year(let y): name += String(y)
        case .range(let p): name += "\(p.from)..\(p.to)"
        }
        if let c = query.centre { name += "-" + c.code.filter { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-") } }
        return name
    }

    static func queryEscaped(_ text: String) -> String {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~")
        return text.addingPercentEncoding(withAllowedCharacters: allowed) ?? ""
    }
}

/// A coordinator's grant targets, set from the reports page by the same
/// checks and the same `tx.setTarget` as `darmarka target set`. Setting the
/// same metric and period again replaces the value: a form sent twice sets it once.
extension Pages {
    func setTarget(_ request: Request) async throws -> Response {
        guard let (form, session) = try await postedForm(request) else {
            return refusal(request, WebProblem.badForm, session: nil, status: .forbidden)
        }
        guard Access.setsTargets(session.account) else { return try forbidden(request, session: session) }
        let lang = lang(request, session)
        var values: [String: String] = [:]
        for f in ["metric", "value", "period"] { if let v = form[f] { values[f] = v } }
        do {
            let text = form.text("metric") ?? ""
            guard let metric = Metric.parse(text) else {
                throw FieldRefusal(field: "metric", problem: LedgerProblem.invalidArguments("\(text): " + Metric.allCases.map(\.rawValue).joined(separator: ", ")))
            }
            let valueText = form.text("value") ?? ""
            guard let value = metric.parseValue(valueText) else {
                let problem: LedgerProblem = metric.isWeight
                    ? (Grams.isOverMaximum(valueText) ? .weightTooLarge(valueText) : .badWeight(valueText))
                    : .badQuantity(valueText)
                throw FieldRefusal(field: "value", problem: problem)
            }
            // A target of nothing is met before the work starts: always a slip.
            guard value >= 1 else { throw FieldRefusal(field: "value", problem: LedgerProblem.notPositive(option: "VALUE", value: value)) }
            let periodText = form.text("period") ?? ""
            guard let period = Target.period(periodText) else {
                let parts = periodText.components(separatedBy: "..")
                if parts.count == 2, let a = LocalDate.parse(parts[0]), let b = LocalDate.parse(parts[1]), b < a {
                    throw FieldRefusal(field: "period", problem: LedgerProblem.periodBackwards(from: a, to: b))
                }
                throw FieldRefusal(field: "period", problem: LedgerProblem.badPeriod(periodText))
            }
            try store.write { try $0.setTarget(Target(metric: metric, period: period, value: value)) }
            let done = Note.targetSet(metric: metric.phrase, value: metric.cell(value).phrase, from: period.from, to: period.to).text(lang)
            return try reportsPage(request, done: done)
        } catch let refusal as FieldRefusal {
            return try reportsPage(request, targetValues: values, targetErrors: [refusal.field: refusal.problem.text(lang)],
                                   status: .unprocessableContent)
        }
    }
}
