import DarmarkaCore
import DarmarkaKit
import Foundation
import Hummingbird
import NIOCore

/// Import of a journal, for a coordinator: upload, a dry run by the same
/// `JournalImport.run` as `darmarka import --dry-run`, and «Загрузить» only
/// after a clean one. The checked file waits on the server under a random
/// token; importing it is the command line's import of that file, all or
/// nothing, and its fingerprint (SHA-256) makes a second import add nothing.
extension Pages {
    /// The largest upload taken: a journal of several years is a few MB.
    static let maxUpload = 20 * 1024 * 1024
    /// Checked files not imported within a day are removed.
    static let stagedLifetime: TimeInterval = 24 * 3600

    /// Where checked files wait for «Загрузить».
    static var stagingFolder: URL {
        FileManager.default.temporaryDirectory.appendingPathComponent("darmarka-uploads", isDirectory: true)
    }

    func importPage(_ request: Request) throws -> Response {
        guard let session = try session(request) else { return toLogin(request) }
        guard Access.imports(session.account) else { return try forbidden(request, session: session) }
        return importForm(request, session: session, data: [:])
    }

    func importForm(_ request: Request, session: WebSession, data: [String: Any], status: HTTPResponse.Status = .ok) -> Response {
        managerPage(request, "import", data, heading: WebManagerWord.importTitle.phrase.text(lang(request, session)),
                    session: session, status: status)
    }

    /// A file's name as the user knows it, without a folder and with no
    /// character a message or a file system would stumble on.
    static func uploadName(_ text: String?) -> String {
        let last = (text ?? "").split(whereSeparator: { $0 == "/" || $0 == "\\" }).last.map(String.init) ?? ""
        let clean = String(last.unicodeScalars.filter { $0.value >= 0x20 && $0.value != 0x7F && $0 != ":" }.map(Character.init))
            .trimmingCharacters(in: .whitespaces)
        guard !clean.isEmpty, clean != ".", clean != ".." else { return "journal.csv" }
        return String(clean.prefix(120))
    }

    /// The dry run of an uploaded file: `multipart/form-data` from the page's
    /// form, or the file as the raw body (`?name=` its name, the CSRF token
    /// in `X-CSRF-Token`) for a script.
    func checkImport(_ request: Request) async throws -> Response {
        guard let session = try session(request) else { return refusal(request, WebProblem.badForm, session: nil, status: .forbidden) }
        // Refused before the body is read: a role that may not import uploads nothing.
        guard Access.imports(session.account) else { return try forbidden(request, session: session) }
        let lang = lang(request, session)
        var request = request
        let buffer: ByteBuffer
        do {
            buffer = try await request.collectBody(upTo: Self.maxUpload)
        } catch is NIOTooManyBytesError {
            return importForm(request, session: session, data: ["error": WebManagerProblem.tooLarge(megabytes: Self.maxUpload / 1024 / 1024).text(lang)],
                              status: .contentTooLarge)
        }
        let bytes = Array(buffer.readableBytesView)
        let token: String?, name: String, file: [UInt8]
        if let boundary = request.headers[.contentType].flatMap(MultipartForm.boundary(contentType:)) {
            guard let form = try? MultipartForm(body: bytes, boundary: boundary) else {
                return importForm(request, session: session, data: ["error": WebManagerProblem.badUpload.text(lang)], status: .badRequest)
            }
            token = form["csrf"]
            guard let part = form.part("file"), part.filename?.isEmpty == false || !part.body.isEmpty else {
                guard let token, Secrets.same(token, session.csrf) else { return refusal(request, WebProblem.badForm, session: session, status: .forbidden) }
                return importForm(request, session: session, data: ["error": WebManagerProblem.noFile.text(lang)], status: .unprocessableContent)
            }
            (name, file) = (Self.uploadName(part.filename), part.body)
        } else {
            token = request.headers.first { $0.name.canonicalName == "x-csrf-token" }?.value
            (name, file) = (Self.uploadName(request.uri.queryParameters.get("name")), bytes)
        }
        guard let token, Secrets.same(token, session.csrf) else { return refusal(request, WebProblem.badForm, session: session, status: .forbidden) }
        guard !file.isEmpty else {
            return importForm(request, session: session, data: ["error": WebManagerProblem.noFile.text(lang)], status: .unprocessableContent)
        }
        Self.removeOldUploads()
        let staged = Secrets.token()
        let folder = Self.stagingFolder.appendingPathComponent("\(session.account.id)-\(staged)", isDirectory: true)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        let path = folder.appendingPathComponent(name).path
        guard FileManager.default.createFile(atPath: path, contents: Data(file), attributes: [.posixPermissions: 0o600]) else {
            try? FileManager.default.removeItem(at: folder)
            throw LedgerProblem.cannotWrite(path, "")
        }
        let outcome = runImport(path: path, name: name, dryRun: true, lang: lang)
        var data = outcome.data
        // Only a clean dry run leaves the file for «Загрузить».
        if case .imported(let summary)? = outcome.outcome, summary.dryRun {
            data["ready"] = WebManagerNote.readyToImport(file: name).text(lang)
            data["staged"] = staged
        } else {
            try? FileManager.default.removeItem(at: folder)
        }
        return importForm(request, session: session, data: data, status: outcome.refused ? .unprocessableContent : .ok)
    }

    /// «Загрузить»: the checked file, imported for real.
    func commitImport(_ request: Request) async throws -> Response {
        guard let (form, session) = try await postedForm(request) else {
            return refusal(request, WebProblem.badForm, session: nil, status: .forbidden)
        }
        guard Access.imports(session.account) else { return try forbidden(request, session: session) }
        let lang = lang(request, session)
        // Only a token this server made: no path can be smuggled in.
        guard let staged = form.text("staged"), staged.count == 43,
              staged.unicodeScalars.allSatisfy({ $0.isASCII && (CharacterSet.alphanumerics.contains($0) || $0 == "-" || $0 == "_") }) else {
            return refusal(request, WebProblem.badForm, session: session, status: .forbidden)
        }
        let folder = Self.stagingFolder.appendingPathComponent("\(session.account.id)-\(staged)", isDirectory: true)
        guard let name = try? FileManager.default.contentsOfDirectory(atPath: folder.path).first else {
            return importForm(request, session: session, data: ["error": WebManagerProblem.uploadGone.text(lang)], status: .gone)
        }
        defer { try? FileManager.default.removeItem(at: folder) }
        let outcome = runImport(path: folder.appendingPathComponent(name).path, name: name, dryRun: false, lang: lang)
        return importForm(request, session: session, data: outcome.data, status: outcome.refused ? .unprocessableContent : .ok)
    }

    /// Runs the command line's import and says what came of it, for the page.
    func runImport(path: String, name: String, dryRun: Bool, lang: Lang) -> (outcome: ImportOutcome?, data: [String: Any], refused: Bool) {
        let outcome: ImportOutcome
        do {
            outcome = try JournalImport.run(store, path: path, name: name, options: ImportOptions(dryRun: dryRun))
        } catch let error as ImportError {
            return (nil, ["error": error.text(file: name, lang: lang)], true)
        } catch let problem as UserFacingError {
            return (nil, ["error": problem.text(lang)], true)
        } catch {
            return (nil, ["error": LedgerProblem.unexpected(String(describing: error)).text(lang)], true)
        }
        var lines: [String] = []
        var data: [String: Any] = [:]
        var refused = false
        switch outcome {
        case .refused(let refusal):
            refused = true
            data["problems"] = refusal.problems.map { p -> [String: Any] in
                ["line": p.line, "column": p.column ?? "", "message": p.phrase.text(lang)]
            }
            if refusal.more > 0 { lines.append(ImportNote.moreProblems(refusal.more).text(lang)) }
            data["error"] = ImportNote.refused(file: refusal.file, problems: refusal.count).text(lang)
        case .sameFile(let file, let batch):
            let zone = try? store.read { try $0.timeZone() }
            lines.append(ImportNote.sameFile(file: file, batch: batch, zone: zone).text(lang))
        case .nothingNew(let s):
            lines.append((s.rowsRead == 0 ? ImportNote.noRows(file: s.file) : ImportNote.nothingNew(file: s.file, rows: s.skipped)).text(lang))
        case .imported(let s):
            if !s.ignoredColumns.isEmpty { lines.append(ImportNote.unknownColumns(file: s.file, titles: s.ignoredColumns).text(lang)) }
            lines.append(ImportNote.imported(file: s.file, rows: s.rowsImported, read: s.rowsRead, skipped: s.skipped,
                                             seconds: s.seconds, dryRun: s.dryRun).text(lang))
            if s.corrected > 0 {
                lines.append(CorrectionNote.count(s.corrected, movements: s.corrections.prefix(10).map(\.movement)).text(lang))
            }
            lines.append(ImportNote.registered(recipients: s.recipientsRegistered, events: s.eventsCreated,
                                               volunteers: s.volunteersAdded).text(lang))
            if !s.newRecipientCodes.isEmpty {
                let listed = Array(s.newRecipientCodes.prefix(RecipientNote.listed))
                lines.append(RecipientNote.newCodes(listed, more: s.newRecipientCodes.count - listed.count).text(lang))
            }
            // Notes that name a registered person are kept, with the command line's warning.
            if let batch = s.batch, let named = try? store.read({ try $0.recipientCodes(namedInNotesOf: batch) }), !named.isEmpty {
                lines.append(SealText.noteNamesRecipient(named).text(lang))
            }
        }
        data["notes"] = lines
        data["hasNotes"] = !lines.isEmpty
        data["hasProblems"] = (data["problems"] as? [[String: Any]])?.isEmpty == false
        return (outcome, data, refused)
    }

    /// Checked files a day old were never imported: removed, so that the folder does not grow.
    static func removeOldUploads() {
        let fm = FileManager.default
        guard let names = try? fm.contentsOfDirectory(atPath: stagingFolder.path) else { return }
        for name in names {
            let url = stagingFolder.appendingPathComponent(name)
            if let made = try? fm.attributesOfItem(atPath: url.path)[.modificationDate] as? Date,
               Date().timeIntervalSince(made) > stagedLifetime {
                try? fm.removeItem(at: url)
            }
        }
    }
}
