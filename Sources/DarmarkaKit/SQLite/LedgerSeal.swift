import Crypto
import DarmarkaCore
import Foundation
import GRDB

/// The chain of seals over the ledger (see `docs/ledger-seal.md`): each
/// movement stores SHA-256 over the previous movement's seal and its own
/// canonical form (`SealForm`). Consistent edits of the ledger and every
/// table derived from it still break the chain, and `check` names the
/// first movement where it breaks.
enum LedgerSeal {
    /// The seal before the first movement.
    static let genesis = [UInt8](repeating: 0, count: 32)

    static func seal(previous: [UInt8], form: [UInt8]) -> [UInt8] {
        var sha = SHA256()
        sha.update(data: previous)
        sha.update(data: form)
        return Array(sha.finalize())
    }

    /// A note's digest: SHA-256 over its salt and its text. The seal holds
    /// the digest; once a redaction deletes the salt, the digest no longer
    /// tests a guessed text.
    static func noteDigest(salt: [UInt8], note: String) -> [UInt8] {
        var sha = SHA256()
        sha.update(data: salt)
        sha.update(data: Array(note.utf8))
        return Array(sha.finalize())
    }

    static func newSalt() -> [UInt8] {
        var g = SystemRandomNumberGenerator()
        return (0..<16).map { _ in UInt8.random(in: .min ... .max, using: &g) }
    }

    /// A note ready to store: its salt and digest.
    struct SaltedNote {
        let salt: [UInt8]
        let note: String
        let digest: [UInt8]

        init(_ note: String) {
            salt = LedgerSeal.newSalt()
            self.note = note
            digest = LedgerSeal.noteDigest(salt: salt, note: note)
        }
    }

    /// The seal of the ledger's last movement (the genesis seal when there is none).
    static func last(_ db: Database) throws -> (id: RowID, seal: [UInt8]) {
        guard let r = try Row.fetchOne(db, sql: "SELECT id, seal FROM movement ORDER BY id DESC LIMIT 1") else { return (0, genesis) }
        return (r["id"], [UInt8]((r["seal"] as Data?) ?? Data()))
    }

    static func insertNote(_ db: Database, movement: RowID, _ note: SaltedNote) throws {
        try db.cachedStatement(sql: "INSERT INTO movement_note(movement_id, salt, note, digest) VALUES (?, ?, ?, ?)")
            .execute(arguments: [movement, Data(note.salt), note.note, Data(note.digest)])
    }

    /// Walks the whole chain in id order. Returns the first movement whose
    /// stored seal is not the one its content and its predecessor give (or
    /// whose lines are not as sealed), and the last movement that verified.
    static func walk(_ db: Database, upTo limit: RowID? = nil) throws -> (broken: RowID?, last: (id: RowID, seal: [UInt8])) {
        var previous = genesis
        var lastID: RowID = 0
        var form = SealForm()
        let rows = try Row.fetchCursor(db, sql: """
            SELECT m.id, m.kind, m.occurred_on, m.occurred_at, m.recorded_at, m.from_box_id, m.to_box_id, m.recipient_id,
                   m.event_id, m.volunteer_id, m.reverses_id, m.import_id, m.seal, n.digest,
                   l.line, l.category_id, l.quantity, l.grams, l.condition
            FROM movement m LEFT JOIN movement_note n ON n.movement_id = m.id
            LEFT JOIN movement_line l ON l.movement_id = m.id
            WHERE ?1 IS NULL OR m.id <= ?1
            ORDER BY m.id, l.line
            """, arguments: [limit])
        var current: RowID?
        var stored: [UInt8] = []
        func close() -> Bool {
            guard let id = current else { return true }
            let computed = seal(previous: previous, form: form.bytes)
            guard computed == stored else { return false }
            previous = computed
            lastID = id
            return true
        }
        while let r = try rows.next() {
            let id: RowID = r[0]
            if id != current {
                if !close() { return (current, (lastID, previous)) }
                current = id
                stored = [UInt8]((r[12] as Data?) ?? Data())
                form.movement(id: id, kind: r[1], occurredOn: r[2], occurredAt: r[3], recordedAt: r[4],
                              from: r[5], to: r[6], recipient: r[7], event: r[8], volunteer: r[9],
                              reverses: r[10], importID: r[11], noteDigest: (r[13] as Data?).map { [UInt8]($0) })
            }
            if let line: Int64 = r[14] {
                form.line(line, category: r[15], quantity: r[16], grams: r[17], condition: r[18])
            }
        }
        if !close() { return (current, (lastID, previous)) }
        return (nil, (lastID, previous))
    }

    /// Builds the seals of a ledger that has none (version 9's migration):
    /// `movement_v9` gets every movement of `movement`, in id order, sealed.
    static func sealExisting(_ db: Database) throws {
        var previous = genesis
        var form = SealForm()
        let insert = try db.makeStatement(sql: """
            INSERT INTO movement_v9(id, kind, occurred_on, occurred_at, recorded_at, from_box_id, to_box_id, recipient_id,
                                    event_id, volunteer_id, reverses_id, import_id, seal) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        let note = try db.makeStatement(sql: "INSERT INTO movement_note(movement_id, salt, note, digest) VALUES (?, ?, ?, ?)")
        let rows = try Row.fetchCursor(db, sql: """
            SELECT m.id, m.kind, m.occurred_on, m.occurred_at, m.recorded_at, m.from_box_id, m.to_box_id, m.recipient_id,
                   m.event_id, m.volunteer_id, m.reverses_id, m.import_id, m.note,
                   l.line, l.category_id, l.quantity, l.grams, l.condition
            FROM movement m LEFT JOIN movement_line l ON l.movement_id = m.id
            ORDER BY m.id, l.line
            """)
        var pending: [DatabaseValue] = []
        func close() throws {
            guard !pending.isEmpty else { return }
            let s = seal(previous: previous, form: form.bytes)
            try insert.execute(arguments: StatementArguments(pending + [Data(s).databaseValue]))
            previous = s
            pending = []
        }
        var current: RowID?
        while let r = try rows.next() {
            let id: RowID = r[0]
            if id != current {
                try close()
                current = id
                var digest: [UInt8]?
                if let text: String = r[12] {
                    let salted = SaltedNote(text)
                    try note.execute(arguments: [id, Data(salted.salt), salted.note, Data(salted.digest)])
                    digest = salted.digest
                }
                form.movement(id: id, kind: r[1], occurredOn: r[2], occurredAt: r[3], recordedAt: r[4],
                              from: r[5], to: r[6], recipient: r[7], event: r[8], volunteer: r[9],
                              reverses: r[10], importID: r[11], noteDigest: digest)
                pending = (0...11).map { r[$0] as DatabaseValue }
            }
            if let line: Int64 = r[13] {
                form.line(line, category: r[14], quantity: r[15], grams: r[16], condition: r[17])
            }
        }
        try close()
    }
}

extension SQLiteLedger {
    /// Findings of the chain of seals and of the notes it covers: the first
    /// movement where the chain breaks, notes whose text no longer gives
    /// their digest, and redactions not recorded.
    func sealFindings() throws -> [Finding] {
        var findings: [Finding] = []
        if let broken = try LedgerSeal.walk(db).broken { findings.append(.sealBroken(movement: broken)) }
        for r in try Row.fetchAll(db, sql: """
            SELECT n.movement_id, n.salt, n.note, n.digest, (SELECT COUNT(*) FROM redaction x WHERE x.movement_id = n.movement_id) AS redactions
            FROM movement_note n ORDER BY n.movement_id
            """) {
            let id: RowID = r["movement_id"]
            let digest = [UInt8]((r["digest"] as Data?) ?? Data())
            if let salt = r["salt"] as Data? {
                if LedgerSeal.noteDigest(salt: [UInt8](salt), note: r["note"] ?? "") != digest { findings.append(.noteAltered(movement: id)) }
            } else if (r["note"] as String?) != SealForm.redacted || (r["redactions"] as Int) == 0 {
                findings.append(.noteAltered(movement: id))
            }
            if findings.count > 50 { break }
        }
        return findings
    }

    func seal(upTo movement: Int64?) throws -> LedgerSealValue {
        let r = try Row.fetchOne(db, sql: "SELECT id, seal FROM movement WHERE ?1 IS NULL OR id <= ?1 ORDER BY id DESC LIMIT 1",
                                 arguments: [movement])
        guard let r else { return LedgerSealValue(movement: 0, hash: SealForm.hex(LedgerSeal.genesis)) }
        return LedgerSealValue(movement: r["id"], hash: SealForm.hex([UInt8]((r["seal"] as Data?) ?? Data())))
    }

    func holds(_ seal: LedgerSealValue) throws -> (holds: Bool, exists: Bool, later: Int) {
        let later = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM movement WHERE id > ?", arguments: [seal.movement]) ?? 0
        if seal.movement == 0 { return (seal.hash == SealForm.hex(LedgerSeal.genesis), true, later) }
        guard try Bool.fetchOne(db, sql: "SELECT 1 FROM movement WHERE id = ?", arguments: [seal.movement]) == true else {
            return (false, false, later)
        }
        let walked = try LedgerSeal.walk(db, upTo: seal.movement)
        return (walked.broken == nil && walked.last.id == seal.movement && SealForm.hex(walked.last.seal) == seal.hash.lowercased(),
                true, later)
    }
}

/// The seal a report carries: its last movement's number and seal in hex.
public struct LedgerSealValue: Sendable, Equatable {
    public let movement: Int64
    public let hash: String
    public init(movement: Int64, hash: String) { self.movement = movement; self.hash = hash }

    /// Reads `N:HEX`, as a PDF prints it and `verify --seal` takes it.
    public static func parse(_ text: String) -> LedgerSealValue? {
        let parts = text.trimmingCharacters(in: .whitespaces).split(separator: ":", maxSplits: 1)
        guard parts.count == 2, let n = Int64(parts[0].trimmingCharacters(in: CharacterSet(charactersIn: "#№ "))), n >= 0,
              let bytes = SealForm.bytes(hex: String(parts[1])), bytes.count == 32 else { return nil }
        return LedgerSealValue(movement: n, hash: SealForm.hex(bytes))
    }

    /// `N:HEX`.
    public var text: String { "\(movement):\(hash)" }
}
