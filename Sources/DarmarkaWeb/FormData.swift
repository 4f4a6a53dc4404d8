import Foundation

/// The fields of a form as a browser posts it (`application/x-www-form-urlencoded`).
struct FormData: Sendable {
    private(set) var fields: [String: String] = [:]

    init(_ body: String) {
        for pair in body.split(separator: "&", omittingEmptySubsequences: true) {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            func decode(_ s: Substring) -> String {
                String(s).replacingOccurrences(of: "+", with: " ").removingPercentEncoding ?? ""
            }
            let name = decode(parts[0])
            // The first value counts: a field named twice is not a second chance.
            if fields[name] == nil { fields[name] = parts.count > 1 ? decode(parts[1]) : "" }
        }
    }

    subscript(_ name: String) -> String? { fields[name] }

    /// A field with something in it, trimmed; nil when missing or blank.
    func text(_ name: String) -> String? {
        let t = fields[name]?.trimmingCharacters(in: .whitespacesAndNewlines)
        return t?.isEmpty == false ? t : nil
    }

    /// Whether a checkbox was ticked.
    func ticked(_ name: String) -> Bool { fields[name] != nil }
}
