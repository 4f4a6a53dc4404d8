/// Remembers what a parse function gave for each text. A journal repeats the
/// same few dates, operations, boxes and numbers thousands of times, so most
/// values are parsed once; the shared parsers stay the only place that knows
/// the formats. Cleared when full, so memory stays bounded.
struct ParseMemo<Value: Sendable>: Sendable {
    private var values: [UTF8Key: Value] = [:]
    private let capacity: Int
    /// The last text and its value: a journal sorted by date repeats the
    /// date, and often the operation and box, row after row.
    private var last: (text: String, value: Value)?

    init(capacity: Int = 4096) { self.capacity = capacity }

    mutating func value(of text: String, _ parse: (String) -> Value) -> Value {
        if let last, UTF8Key(last.text) == UTF8Key(text) { return last.value }
        let value: Value
        if let known = values[UTF8Key(text)] {
            value = known
        } else {
            value = parse(text)
            if values.count >= capacity { values.removeAll(keepingCapacity: true) }
            values[UTF8Key(text)] = value
        }
        last = (text, value)
        return value
    }
}
