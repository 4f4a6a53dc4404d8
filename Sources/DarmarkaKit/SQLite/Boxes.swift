import DarmarkaCore
import GRDB

// Box codes are issued once, then assigned to boxes.
extension SQLiteLedger {
    func issueCodes(count: Int, centre: Centre, purpose: CodePurpose) throws -> [BoxCode] {
        let last = try Int.fetchOne(db, sql: "SELECT MAX(serial) FROM issued_code") ?? 0
        var codes: [BoxCode] = []
        var next = last + 1
        let insert = try db.cachedStatement(sql: """
            INSERT INTO issued_code(serial, code, centre_id, issued_at, purpose) VALUES (?, ?, ?, ?, ?)
            """)
        while codes.count < count {
            guard let code = BoxCode.firstIssuable(from: next) else { throw LedgerProblem.codesExhausted }
            try insert.execute(arguments: [code.serial, code.description, centre.id, recordedAt, purpose.rawValue])
            codes.append(code)
            next = code.serial + 1
        }
        return codes
    }

    func addBox(centre: Centre, name: String?, kind: BoxKind, claiming code: BoxCode?,
                       otherCentre: Bool) throws -> Box {
        // No name is fine for a box; a name given is one line.
        let name = try name.flatMap { $0.trimmingCharacters(in: .whitespaces).isEmpty ? nil : try Names.clean($0, option: "--name") }
        let assigned: BoxCode
        if let code {
            guard let printedFor = try String.fetchOne(db, sql: """
                SELECT c.code FROM issued_code i JOIN centre c ON c.id = i.centre_id WHERE i.code = ?
                """, arguments: [code.description]) else {
                throw LedgerProblem.codeNotIssued(code.description)
            }
            if try Bool.fetchOne(db, sql: "SELECT 1 FROM box WHERE code = ?", arguments: [code.description]) == true {
                throw LedgerProblem.codeAlreadyUsed(code.description)
            }
            if printedFor != centre.code, !otherCentre {
                throw LedgerProblem.codePrintedForAnotherCentre(code: code.description, printedFor: printedFor, claimedAt: centre.code)
            }
            assigned = code
        } else {
            guard let code = try issueCodes(count: 1, centre: centre, purpose: .box).first else { throw LedgerProblem.codesExhausted }
            assigned = code
        }
        try db.execute(sql: "INSERT INTO box(code, centre_id, name, kind, status, created_at) VALUES (?, ?, ?, ?, 'active', ?)",
                       arguments: [assigned.description, centre.id, name?.isEmpty == true ? nil : name, kind.rawValue, recordedAt])
        return Box(id: db.lastInsertedRowID, code: assigned, centreID: centre.id, centreCode: centre.code,
                   centreName: centre.name, name: name, kind: kind, status: .active)
    }

    static let boxSelect = """
        SELECT b.id, b.code, b.centre_id, c.code AS centre_code, c.name AS centre_name, b.name, b.kind, b.status
        FROM box b JOIN centre c ON c.id = b.centre_id
        """

    func boxes(centre: Centre?) throws -> [Box] {
        let rows = try Row.fetchAll(db, sql: Self.boxSelect + " WHERE ? IS NULL OR b.centre_id = ? ORDER BY c.code, b.code",
                                    arguments: [centre?.id, centre?.id])
        return rows.compactMap(Self.box)
    }

    func box(_ text: String) throws -> Box {
        let code: BoxCode
        switch BoxCode.find(in: text) {
        case .success(let c): code = c
        case .failure(let problem): throw LedgerProblem.badBoxCode(text.trimmingCharacters(in: .whitespacesAndNewlines), problem)
        }
        guard let box = try Row.fetchOne(db, sql: Self.boxSelect + " WHERE b.code = ?", arguments: [code.description]).flatMap(Self.box) else {
            throw LedgerProblem.unknownBox(code.description)
        }
        return box
    }

    func isUnclaimed(_ code: BoxCode) throws -> Centre? {
        guard try Bool.fetchOne(db, sql: "SELECT 1 FROM box WHERE code = ?", arguments: [code.description]) != true else { return nil }
        return try Row.fetchOne(db, sql: """
            SELECT c.id, c.code, c.name, c.address FROM issued_code i JOIN centre c ON c.id = i.centre_id WHERE i.code = ?
            """, arguments: [code.description]).map(Self.centre)
    }

    func box(id: RowID) throws -> Box? {
        try Row.fetchOne(db, sql: Self.boxSelect + " WHERE b.id = ?", arguments: [id]).flatMap(Self.box)
    }

    func retire(_ box: Box) throws {
        try db.execute(sql: "UPDATE box SET status = 'retired' WHERE id = ?", arguments: [box.id])
    }

    static func box(_ r: Row) -> Box? {
        guard case .success(let code) = BoxCode.parse(r["code"]) else { return nil }
        return Box(id: r["id"], code: code, centreID: r["centre_id"], centreCode: r["centre_code"],
                   centreName: r["centre_name"], name: r["name"],
                   kind: BoxKind(rawValue: r["kind"]) ?? .collection,
                   status: BoxStatus(rawValue: r["status"]) ?? .active)
    }
}

/// Why a code was issued: for a box registered now, or pre-printed blank.
public enum CodePurpose: String, Sendable { case box, blank }
