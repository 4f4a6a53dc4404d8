/// Remembers what a parse function gave for each text. A journal repeats the
/// same few dates, operations, boxes and numbers thousands of times, so most
/// values are parsed once; the shared parsers stay the only place that knows
/// the formats. Cleared when full, so memory stays bounded.
struct ParseMemo<Value> {
    private var values: [String: Value] = [:]
    private let capacity: Int

    init(capacity: Int = 4096) { self.capacity = capacity }

    mutating func value(of text: String, _ parse: (String) -> Value) -> Value {
        if let known = values[text] { return known }
        let value = parse(text)
        if values.count >= capacity { values.removeAll(keepingCapacity: true) }
        values[text] = value
        return value
    }
}
