/// The listings the CLI prints, built from core values only, so that the
/// table, JSON and CSV forms of each come from one place.
public enum Listings {
    public static func centres(_ centres: [Centre]) -> Listing {
        Listing(columns: [Column("code", Heading.code), Column("name", Heading.name),
                          Column("address", Heading.address)],
                rows: centres.map { [.text($0.code), .text($0.name), $0.address.map(Cell.text) ?? .none] })
    }

    public static func boxes(_ boxes: [Box]) -> Listing {
        Listing(columns: [Column("code", Heading.code), Column("centre", Heading.centre),
                          Column("name", Heading.name), Column("kind", Heading.kind),
                          Column("status", Heading.status)],
                rows: boxes.map { b in
                    [.text(b.code.description), .text(b.centreCode), b.name.map(Cell.text) ?? .none,
                     .choice(code: b.kind.rawValue, label: b.kind.phrase.map { $1 == .ru ? $0 : b.kind.rawValue }),
                     .choice(code: b.status.rawValue, label: b.status.phrase.map { $1 == .ru ? $0 : b.status.rawValue })]
                })
    }

    /// Codes and names; JSON keeps the stable codes, the table the names.
    public static func named(_ entries: [NamedEntry]) -> Listing {
        Listing(columns: [Column("code", Heading.code), Column("nameRu", Heading.russianName),
                          Column("nameEn", Heading.englishName), Column("aliases", Heading.aliases)],
                rows: entries.map { [.text($0.code), .text($0.nameRu), .text($0.nameEn), .text($0.aliases.joined(separator: ", "))] })
    }

    /// `groups`: the groups' names, so that people read «многодетные», not `large-family`.
    public static func recipients(_ recipients: [Recipient], groups: [NamedEntry] = []) -> Listing {
        let names = Dictionary(groups.map { ($0.code, Phrase.stored($0.nameRu, $0.nameEn)) }, uniquingKeysWith: { a, _ in a })
        return Listing(columns: [Column("code", Heading.code), Column("group", Heading.group),
                                 Column("household", Heading.household, alignRight: true),
                                 Column("registered", Heading.registered)],
                       rows: recipients.map { r in
                           [.text(r.code), r.groupCode.map { Cell.named(code: $0, label: names[$0] ?? .same($0)) } ?? .none,
                            .int(r.householdSize), .text(r.registeredOn.description)]
                       })
    }

    /// The targets set: metrics by name for people, weights in kilograms as a report prints them.
    public static func targets(_ targets: [Target]) -> Listing {
        Listing(columns: [Column("metric", Heading.metric), Column("from", Heading.from),
                          Column("to", Heading.to), Column("value", Heading.target, alignRight: true)],
                rows: targets.map { t in
                    [.named(code: t.metric.rawValue, label: t.metric.phrase), .text(t.period.from.description),
                     .text(t.period.to.description), t.metric.cell(t.value)]
                })
    }

    public static func events(_ events: [Event]) -> Listing {
        Listing(columns: [Column("id", Heading.number, alignRight: true), Column("date", Heading.date),
                          Column("name", Heading.name), Column("centre", Heading.centre),
                          Column("participants", Heading.participants, alignRight: true)],
                rows: events.map { [.int(Int($0.id)), .text($0.date.description), .text($0.name), $0.centreCode.map(Cell.text) ?? .none, .int($0.participants)] })
    }

    public static func stock(_ lines: [StockLine], lang: Lang) -> Listing {
        var listing = Listing(columns: [Column("centre", Heading.centre), Column("box", Heading.box),
                                        Column("category", Heading.categoryCode, forScripts: true),
                                        Column("name", Heading.category),
                                        Column("quantity", Heading.items, alignRight: true),
                                        Column("kg", Heading.kg, alignRight: true)])
        listing.rows = lines.map { [.text($0.centre), .text($0.box), .text($0.category), .text($0.categoryName.text(lang)),
                                    .int($0.quantity), $0.kgCell] }
        return listing
    }

    public static func history(_ entries: [HistoryEntry], lang: Lang) -> Listing {
        var listing = Listing(columns: [Column("id", Heading.number, alignRight: true), Column("date", Heading.date),
                                        Column("kind", Heading.operation),
                                        Column("from", Heading.whence), Column("to", Heading.whither),
                                        Column("category", Heading.category),
                                        Column("quantity", Heading.items, alignRight: true),
                                        Column("kg", Heading.kg, alignRight: true),
                                        Column("condition", Heading.condition),
                                        Column("recipient", Heading.recipient),
                                        Column("volunteer", Heading.volunteer),
                                        Column("note", Heading.note)])
        for e in entries {
            var remark = e.note ?? ""
            if let r = e.reverses { remark = Heading.undoes(r).text(lang) }
            if let by = e.reversedBy { remark = [remark, Heading.undoneBy(by).text(lang)].filter { !$0.isEmpty }.joined(separator: "; ") }
            let kind = Cell.choice(code: e.kind.rawValue, label: e.kind.phrase.map { $1 == .ru ? $0 : e.kind.rawValue })
            for line in e.lines {
                let q = e.reverses == nil ? line.quantity : -line.quantity
                let g = line.grams.map { e.reverses == nil ? $0 : -$0 }
                listing.rows.append([.int(Int(e.id)), .text(e.date.description), kind,
                                     e.fromBox.map(Cell.text) ?? .none, e.toBox.map(Cell.text) ?? .none,
                                     .named(code: line.category, label: line.categoryName), .int(q), g.map(Cell.kg) ?? .none,
                                     line.condition.map { Cell.named(code: $0.rawValue, label: $0.phrase) } ?? .none,
                                     e.recipient.map(Cell.text) ?? .none, e.volunteer.map(Cell.text) ?? .none,
                                     remark.isEmpty ? .none : .text(remark)])
            }
        }
        return listing
    }
}

extension StockLine {
    /// Its kilograms, or «не взвешено» when its items have none known at all.
    public var kgCell: Cell { grams == .zero && quantity != 0 ? .unweighed : .kg(grams) }
}
