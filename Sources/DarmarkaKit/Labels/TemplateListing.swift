import DarmarkaCore

extension Listings {
    /// The label templates a user can ask for, with the sizes that tell them
    /// apart: label size and grid in millimetres, and where each comes from.
    public static func templates(_ entries: [TemplateCatalogue.Entry]) -> Listing {
        func mm(_ value: Double) -> String { TemplateLookup.format(value) }
        let columns = [
            Column("template", Heading.template), Column("brand", Heading.brand),
            Column("part", Heading.part), Column("size", Heading.labelSize),
            Column("grid", Heading.grid), Column("perPage", Heading.perPage, alignRight: true),
            Column("paper", Heading.paper), Column("dpi", Heading.dpi, alignRight: true),
            Column("origin", Heading.origin), Column("equivalents", Heading.equivalents),
            Column("description", Heading.description),
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
