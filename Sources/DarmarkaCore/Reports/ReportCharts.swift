/// What the charts of every form draw.
public enum ReportCharts {
    /// One category's pair of bars, in items.
    public struct CategoryBar: Sendable, Equatable {
        public var category: String
        public var received: Int
        public var handedOut: Int
        public init(category: String, received: Int, handedOut: Int) {
            self.category = category; self.received = received; self.handedOut = handedOut
        }
    }

    /// Categories of the main period, most received first.
    public static func categoryBars(_ report: Report) -> [CategoryBar] {
        let f = report.main
        let codes = Set(f.receivedByCategory.keys).union(f.handedOutByCategory.keys)
        return codes.map { CategoryBar(category: $0, received: f.receivedByCategory[$0]?.items ?? 0, handedOut: f.handedOutByCategory[$0]?.items ?? 0) }
            .sorted { ($0.received, $0.handedOut, $1.category) > ($1.received, $1.handedOut, $0.category) }
    }
}
