/// A string as a dictionary key compared and hashed by its UTF-8 bytes.
///
/// Swift compares and hashes strings by their canonical form, which for
/// Cyrillic text means normalising every time: the importer's memos look up
/// names millions of times. Two spellings that differ only in Unicode
/// normalisation are then two keys, which costs a second look-up, never a
/// wrong answer: what a key resolves to is decided elsewhere.
public struct UTF8Key: Hashable, Sendable {
    public let text: String

    public init(_ text: String) { self.text = text }

    public static func == (a: UTF8Key, b: UTF8Key) -> Bool {
        var x = a.text, y = b.text
        return x.withUTF8 { p in y.withUTF8 { q in p.count == q.count && p.elementsEqual(q) } }
    }

    public func hash(into hasher: inout Hasher) {
        var t = text
        t.withUTF8 { hasher.combine(bytes: UnsafeRawBufferPointer($0)) }
    }
}
