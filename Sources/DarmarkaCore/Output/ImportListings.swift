/// How import results are shown: a table of what each operation wrote, and
/// one JSON object for scripts.
extension ImportSummary {
    /// One row per operation the file had, in the journal's order.
    public var operations: Listing {
        Listing(columns: [
            Column("operation", Heading.operation),
            Column("movements", Heading.movements, alignRight: true),
            Column("lines", Heading.lines, alignRight: true),
            Column("items", Heading.items, alignRight: true),
            Column("kg", Heading.kg, alignRight: true),
        ], rows: written.keys.sorted().compactMap { op in
            written[op].map { t in [.text(String(describing: op)), .int(t.movements), .int(t.lines), .int(t.items), .kg(Grams(t.grams))] }
        })
    }

    /// The operations table with the words in `lang` rather than the stable keys.
    public func operationsTable(_ lang: Lang) -> String {
        var listing = operations
        listing.rows = written.keys.sorted().compactMap { op in
            written[op].map { t in [.text(op.phrase.text(lang)), .int(t.movements), .int(t.lines), .int(t.items), .kg(Grams(t.grams))] }
        }
        return listing.table(lang, grouped: true)
    }
}

extension ImportOutcome {
    /// The outcome as one JSON object: `status` is `imported`, `dry-run`,
    /// `same-file`, `nothing-new` or `refused`.
    public func json() -> String {
        var fields: [(String, String)] = []
        func add(_ key: String, _ value: Cell) { fields.append((key, JSONText.value(value))) }
        func add(summary s: ImportSummary) {
            add("file", .text(s.file))
            add("kind", .text(s.kind.rawValue))
            add("rows", .int(s.rowsRead))
            add("imported", .int(s.rowsImported))
            add("skipped", .int(s.skipped))
            if s.kind == .journal {
                fields.append(("operations", "[" + s.operations.jsonObjects().joined(separator: ", ") + "]"))
                add("recipients", .int(s.recipientsRegistered))
                add("events", .int(s.eventsCreated))
                add("volunteers", .int(s.volunteersAdded))
                fields.append(("newRecipients", "[" + s.newRecipientCodes.map(JSONText.string).joined(separator: ", ") + "]"))
                add("corrected", .int(s.corrected))
            } else {
                add("centres", .int(s.centresAdded))
                add("already", .int(s.alreadyThere))
            }
            add("batch", s.batch.map { .int(Int($0)) } ?? .none)
            fields.append(("seconds", String(format: "%.3f", s.seconds)))
        }
        switch self {
        case .imported(let s):
            add("status", .text(s.dryRun ? "dry-run" : "imported"))
            add(summary: s)
        case .nothingNew(let s):
            add("status", .text("nothing-new"))
            add(summary: s)
        case .sameFile(let file, let batch):
            add("status", .text("same-file"))
            add("file", .text(file))
            add("batch", .int(Int(batch.id)))
            add("importedAt", .text(batch.importedAt))
        case .refused(let r):
            add("status", .text("refused"))
            add("file", .text(r.file))
            add("rows", .int(r.rowsRead))
            add("problems", .int(r.count))
        }
        return "{" + fields.map { JSONText.string($0.0) + ": " + $0.1 }.joined(separator: ", ") + "}\n"
    }
}
