/// Where one printed label goes: which page, which position on it, and which
/// of the input labels it shows.
public struct LabelSlot: Hashable, Sendable {
    /// 0-based page number.
    public var page: Int
    /// 0-based position on the page in reading order (see `labelFrames`).
    public var position: Int
    /// Index into the labels asked for.
    public var item: Int

    public init(page: Int, position: Int, item: Int) {
        self.page = page; self.position = position; self.item = item
    }
}

extension LabelTemplate {
    /// The slots for `count` labels, each repeated `copies` times in a row
    /// (so both labels of a box come out side by side), starting after the
    /// first `skip` positions of the first sheet, which are already used.
    public func plan(count: Int, skip: Int = 0, copies: Int = 1) throws -> [LabelSlot] {
        try validate(skip: skip, copies: copies)
        let perPage = labelsPerPage
        guard perPage > 0 else { throw LabelError.noLayout(template: id) }
        var slots: [LabelSlot] = []
        slots.reserveCapacity(max(0, count) * copies)
        var next = skip
        for item in 0..<max(0, count) {
            for _ in 0..<copies {
                slots.append(LabelSlot(page: next / perPage, position: next % perPage, item: item))
                next += 1
            }
        }
        return slots
    }

    /// Sheets (or roll labels) needed for `count` labels.
    public func pageCount(count: Int, skip: Int = 0, copies: Int = 1) throws -> Int {
        try validate(skip: skip, copies: copies)
        let perPage = labelsPerPage
        guard perPage > 0 else { throw LabelError.noLayout(template: id) }
        let used = max(0, count) * copies
        return used == 0 ? 0 : (skip + used + perPage - 1) / perPage
    }

    private func validate(skip: Int, copies: Int) throws {
        guard skip >= 0 else { throw LabelError.negativeSkip(skip) }
        guard (1 ... LabelError.maximumCopies).contains(copies) else { throw LabelError.badCopies(copies) }
        // Skipping a whole sheet or more is a mistake, not a request: the
        // user would be printing on a sheet they no longer have.
        if skip > 0, skip >= labelsPerPage {
            throw LabelError.skipFillsSheet(skip: skip, labelsPerPage: labelsPerPage)
        }
    }
}
