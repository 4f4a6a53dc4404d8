/// The listings the CLI prints, built from core values only, so that the
/// table, JSON and CSV forms of each come from one place.
public enum Listings {
    public static func centres(_ centres: [Centre]) -> Listing {
        Listing(columns: [Column("code", ru: "Код", en: "Code"), Column("name", ru: "Название", en: "Name"),
                          Column("address", ru: "Адрес", en: "Address")],
                rows: centres.map { [.text($0.code), .text($0.name), $0.address.map(Cell.text) ?? .none] })
    }

    public static func boxes(_ boxes: [Box]) -> Listing {
        Listing(columns: [Column("code", ru: "Код", en: "Code"), Column("centre", ru: "Центр", en: "Centre"),
                          Column("name", ru: "Название", en: "Name"), Column("kind", ru: "Вид", en: "Kind"),
                          Column("status", ru: "Состояние", en: "Status")],
                rows: boxes.map { b in
                    [.text(b.code.description), .text(b.centreCode), b.name.map(Cell.text) ?? .none,
                     .choice(code: b.kind.rawValue, label: Phrase(ru: b.kind.phrase.ru, en: b.kind.rawValue)),
                     .choice(code: b.status.rawValue, label: Phrase(ru: b.status.phrase.ru, en: b.status.rawValue))]
                })
    }

    /// Codes and names; JSON keeps the stable codes, the table the names.
    public static func named(_ entries: [NamedEntry]) -> Listing {
        Listing(columns: [Column("code", ru: "Код", en: "Code"), Column("nameRu", ru: "Название", en: "Russian name"),
                          Column("nameEn", ru: "По-английски", en: "English name"), Column("aliases", ru: "Другие названия", en: "Aliases")],
                rows: entries.map { [.text($0.code), .text($0.nameRu), .text($0.nameEn), .text($0.aliases.joined(separator: ", "))] })
    }

    /// `groups`: the groups' names, so that people read «многодетные», not `large-family`.
    public static func recipients(_ recipients: [Recipient], groups: [NamedEntry] = []) -> Listing {
        let names = Dictionary(groups.map { ($0.code, Phrase(ru: $0.nameRu, en: $0.nameEn)) }, uniquingKeysWith: { a, _ in a })
        return Listing(columns: [Column("code", ru: "Код", en: "Code"), Column("group", ru: "Группа", en: "Group"),
                                 Column("household", ru: "Человек в семье", en: "Household", alignRight: true),
                                 Column("registered", ru: "Зарегистрирован", en: "Registered")],
                       rows: recipients.map { r in
                           [.text(r.code), r.groupCode.map { Cell.named(code: $0, label: names[$0] ?? Phrase(ru: $0, en: $0)) } ?? .none,
                            .int(r.householdSize), .text(r.registeredOn.description)]
                       })
    }

    /// The targets set: metrics by name for people, weights in kilograms as a report prints them.
    public static func targets(_ targets: [Target]) -> Listing {
        Listing(columns: [Column("metric", ru: "Показатель", en: "Metric"), Column("from", ru: "С", en: "From"),
                          Column("to", ru: "По", en: "To"), Column("value", ru: "План", en: "Target", alignRight: true)],
                rows: targets.map { t in
                    [.named(code: t.metric.rawValue, label: t.metric.phrase), .text(t.period.from.description),
                     .text(t.period.to.description), t.metric.cell(t.value)]
                })
    }

    public static func events(_ events: [Event]) -> Listing {
        Listing(columns: [Column("id", ru: "№", en: "#", alignRight: true), Column("date", ru: "Дата", en: "Date"),
                          Column("name", ru: "Название", en: "Name"), Column("centre", ru: "Центр", en: "Centre"),
                          Column("participants", ru: "Участников", en: "Participants", alignRight: true)],
                rows: events.map { [.int(Int($0.id)), .text($0.date.description), .text($0.name), $0.centreCode.map(Cell.text) ?? .none, .int($0.participants)] })
    }

    public static func stock(_ lines: [StockLine], lang: Lang) -> Listing {
        var listing = Listing(columns: [Column("centre", ru: "Центр", en: "Centre"), Column("box", ru: "Бокс", en: "Box"),
                                        Column("category", ru: "Код категории", en: "Category code", forScripts: true),
                                        Column("name", ru: "Категория", en: "Category"),
                                        Column("quantity", ru: "Шт.", en: "Items", alignRight: true),
                                        Column("kg", ru: "Кг", en: "kg", alignRight: true)])
        listing.rows = lines.map { [.text($0.centre), .text($0.box), .text($0.category), .text($0.categoryName.text(lang)),
                                    .int($0.quantity), $0.kgCell] }
        return listing
    }

    public static func history(_ entries: [HistoryEntry], lang: Lang) -> Listing {
        var listing = Listing(columns: [Column("id", ru: "№", en: "#", alignRight: true), Column("date", ru: "Дата", en: "Date"),
                                        Column("kind", ru: "Операция", en: "Operation"),
                                        Column("from", ru: "Откуда", en: "From"), Column("to", ru: "Куда", en: "To"),
                                        Column("category", ru: "Категория", en: "Category"),
                                        Column("quantity", ru: "Шт.", en: "Items", alignRight: true),
                                        Column("kg", ru: "Кг", en: "kg", alignRight: true),
                                        Column("condition", ru: "Состояние", en: "Condition"),
                                        Column("recipient", ru: "Получатель", en: "Recipient"),
                                        Column("volunteer", ru: "Волонтёр", en: "Volunteer"),
                                        Column("note", ru: "Примечание", en: "Note")])
        for e in entries {
            var remark = e.note ?? ""
            if let r = e.reverses { remark = Phrase(ru: "отмена №\(r)", en: "undoes #\(r)").text(lang) }
            if let by = e.reversedBy { remark = [remark, Phrase(ru: "отменено (№\(by))", en: "undone (#\(by))").text(lang)].filter { !$0.isEmpty }.joined(separator: "; ") }
            let kind = Cell.choice(code: e.kind.rawValue, label: Phrase(ru: e.kind.phrase.ru, en: e.kind.rawValue))
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
