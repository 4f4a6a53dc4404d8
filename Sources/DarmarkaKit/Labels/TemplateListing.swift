import DarmarkaCore

extension Listings {
    /// The label templates a user can ask for, with the sizes that tell them
    /// apart: label size and grid in millimetres, and where each comes from.
    public static func templates(_ entries: [TemplateCatalogue.Entry]) -> Listing {
        func mm(_ value: Double) -> String { TemplateLookup.format(value) }
        let columns = [
            Column("template", ru: "Шаблон", en: "Template"), Column("brand", ru: "Марка", en: "Brand"),
            Column("part", ru: "Артикул", en: "Part"), Column("size", ru: "Этикетка, мм", en: "Label, mm"),
            Column("grid", ru: "Сетка", en: "Grid"), Column("perPage", ru: "На листе", en: "Per page", alignRight: true),
            Column("paper", ru: "Бумага", en: "Paper"), Column("dpi", ru: "dpi", en: "dpi", alignRight: true),
            Column("origin", ru: "Откуда", en: "From"), Column("equivalents", ru: "Также", en: "Also"),
            Column("description", ru: "Описание", en: "Description"),
        ]
        return Listing(columns: columns, rows: entries.map { entry in
            let t = entry.template
            let grid = t.layouts.map { "\($0.nx)×\($0.ny)" }.joined(separator: " + ")
            return [.text(t.id), .text(t.brand), .text(t.part), .text("\(mm(t.labelWidth))×\(mm(t.labelHeight))"),
                    .text(grid), .int(t.labelsPerPage), .text(t.fixedDPI == nil ? t.paper : "roll"),
                    t.fixedDPI.map(Cell.int) ?? .none, .text(entry.origin == .project ? "darmarka" : "gLabels"),
                    .text(t.equivalents.map(\.id).joined(separator: ", ")), .text(t.description)]
        })
    }
}
