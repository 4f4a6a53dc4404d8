/// Stock of one category in one box.
public struct StockLine: Sendable, Equatable {
    public var box: String
    public var centre: String
    public var category: String
    public var categoryName: Phrase
    public var quantity: Int
    public var grams: Grams
    public init(box: String, centre: String, category: String, categoryName: Phrase, quantity: Int, grams: Grams) {
        self.box = box; self.centre = centre; self.category = category; self.categoryName = categoryName
        self.quantity = quantity; self.grams = grams
    }
}

/// A recorded movement as the history shows it.
public struct HistoryEntry: Sendable, Equatable {
    public struct Line: Sendable, Equatable {
        public var category: String
        public var categoryName: Phrase
        public var quantity: Int
        public var grams: Grams?
        public var condition: Condition?
        public init(category: String, categoryName: Phrase, quantity: Int, grams: Grams?, condition: Condition?) {
            self.category = category; self.categoryName = categoryName; self.quantity = quantity
            self.grams = grams; self.condition = condition
        }
    }
    public var id: RowID
    public var kind: MovementKind
    public var date: LocalDate
    public var time: LocalTime?
    public var recordedAt: String
    public var fromBox: String?
    public var toBox: String?
    public var recipient: String?
    public var event: String?
    public var volunteer: String?
    public var note: String?
    /// The movement this one undoes.
    public var reverses: RowID?
    /// The movement that undid this one.
    public var reversedBy: RowID?
    public var lines: [Line]

    public init(id: RowID, kind: MovementKind, date: LocalDate, time: LocalTime?, recordedAt: String,
                fromBox: String?, toBox: String?, recipient: String?, event: String?, volunteer: String?,
                note: String?, reverses: RowID?, reversedBy: RowID?, lines: [Line]) {
        self.id = id; self.kind = kind; self.date = date; self.time = time; self.recordedAt = recordedAt
        self.fromBox = fromBox; self.toBox = toBox; self.recipient = recipient; self.event = event
        self.volunteer = volunteer; self.note = note; self.reverses = reverses; self.reversedBy = reversedBy
        self.lines = lines
    }
}
