import DarmarkaCore
import GRDB

// Centres, categories, recipient groups, volunteers.
extension SQLiteLedger {
    func addCentre(code: String, name: String, address: String?) throws -> Centre {
        let code = CentreCode.canonical(code)
        guard (2...8).contains(code.count), code.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber) }) else {
            throw LedgerProblem.badCentreCode(code)
        }
        let name = try Names.clean(name, option: "--name")
        let address = try address.map { try Names.clean($0, option: "--address") }
        if try centre(matching: code) != nil { throw LedgerProblem.centreExists(code) }
        try db.execute(sql: "INSERT INTO centre(code, name, address, created_at) VALUES (?, ?, ?, ?)",
                       arguments: [code, name, address, recordedAt])
        return Centre(id: db.lastInsertedRowID, code: code, name: name, address: address)
    }

    func centres() throws -> [Centre] {
        try Row.fetchAll(db, sql: "SELECT id, code, name, address FROM centre ORDER BY code").map(Self.centre)
    }

    func centre(_ code: String) throws -> Centre {
        guard let c = try centre(matching: code) else { throw LedgerProblem.unknownCentre(code) }
        return c
    }

    /// The centre whose code `code` is, in any case and with Cyrillic look-alikes (`МАТ` is `MAT`).
    func centre(matching code: String) throws -> Centre? {
        try Row.fetchOne(db, sql: "SELECT id, code, name, address FROM centre WHERE code = ?",
                         arguments: [CentreCode.canonical(code)]).map(Self.centre)
    }

    static func centre(_ r: Row) -> Centre {
        Centre(id: r["id"], code: r["code"], name: r["name"], address: r["address"])
    }

    // MARK: Categories and groups

    func categories() throws -> [NamedEntry] {
        try namedEntries(table: "category", aliasTable: "category_alias", key: "category_id")
    }

    func groups() throws -> [NamedEntry] {
        try namedEntries(table: "recipient_group", aliasTable: "group_alias", key: "group_id")
    }

    func categoryMatcher() throws -> CategoryMatcher {
        let entries = try categories()
        return MatcherCache.shared.matcher(.categories, for: entries) { CategoryMatcher(entries: entries, synonyms: Seed.words) }
    }

    func groupMatcher() throws -> CategoryMatcher {
        let entries = try groups()
        return MatcherCache.shared.matcher(.groups, for: entries) { CategoryMatcher(entries: entries) }
    }

    func category(_ text: String) throws -> NamedEntry {
        try categoryMatcher().match(text).entry(.category, for: text).get()
    }

    func group(_ text: String) throws -> NamedEntry {
        try groupMatcher().match(text).entry(.group, for: text).get()
    }

    private func namedEntries(table: String, aliasTable: String, key: String) throws -> [NamedEntry] {
        var aliases: [RowID: [String]] = [:]
        for r in try Row.fetchAll(db, sql: "SELECT alias, \(key) AS owner FROM \(aliasTable) ORDER BY alias") {
            aliases[r["owner"], default: []].append(r["alias"])
        }
        return try Row.fetchAll(db, sql: "SELECT id, code, name_ru, name_en FROM \(table) ORDER BY id").map { r in
            let code: String = r["code"]
            // Aliases an older seed gave and took back (`Seed.retiredAliases`) are read past.
            let retired = table == "category" ? Seed.retiredAliases[code] ?? [] : []
            return NamedEntry(id: r["id"], code: code, nameRu: r["name_ru"], nameEn: r["name_en"],
                              aliases: (aliases[r["id"]] ?? []).filter { !retired.contains($0) })
        }
    }

    func addCategory(code: String, nameRu: String, nameEn: String?) throws -> NamedEntry {
        let code = code.trimmingCharacters(in: .whitespaces).lowercased()
        guard (2...32).contains(code.count),
              code.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-") }) else {
            throw LedgerProblem.badCategoryCode(code)
        }
        let ru = try Names.clean(nameRu, option: "--name-ru")
        let en = try nameEn.flatMap { $0.trimmingCharacters(in: .whitespaces).isEmpty ? nil : try Names.clean($0, option: "--name-en") } ?? ""
        let existing = try categories()
        for name in [code, ru, en] where !name.isEmpty {
            if existing.named(name) != nil { throw LedgerProblem.categoryExists(name) }
        }
        try db.execute(sql: "INSERT INTO category(code, name_ru, name_en) VALUES (?, ?, ?)",
                       arguments: [code, ru, en.isEmpty ? ru : en])
        return NamedEntry(id: db.lastInsertedRowID, code: code, nameRu: ru, nameEn: en.isEmpty ? ru : en, aliases: [])
    }

    func addCategoryAlias(_ alias: String, to category: NamedEntry) throws {
        let key = TextKey.normalise(try Names.clean(alias, option: "ALIAS"))
        if try categories().named(key) != nil { throw LedgerProblem.categoryExists(alias) }
        // A retired seed alias (`белье`) is still a row; giving the word to a category replaces it.
        if Seed.retiredAliases.values.contains(where: { $0.contains(key) }) {
            try db.execute(sql: "DELETE FROM category_alias WHERE alias = ?", arguments: [key])
        }
        try db.execute(sql: "INSERT INTO category_alias(alias, category_id) VALUES (?, ?)", arguments: [key, category.id])
    }

    // MARK: Volunteers

    func volunteer(named name: String) throws -> RowID {
        try volunteerID(cleanName: try Names.clean(name, option: "--volunteer")).id
    }

    /// The volunteer of a name already checked, and whether they were added
    /// now (the importer counts them).
    func volunteerID(cleanName name: String) throws -> (id: RowID, added: Bool) {
        if let id = try RowID.fetchOne(db, sql: "SELECT id FROM volunteer WHERE name = ?", arguments: [name]) { return (id, false) }
        try db.execute(sql: "INSERT INTO volunteer(name) VALUES (?)", arguments: [name])
        return (db.lastInsertedRowID, true)
    }
}
