import Foundation

/// A box's short printable code, such as `B-7K3QX`.
///
/// The code is the letter `B`, four Crockford symbols of serial number and one
/// check symbol. Everything is in QR's alphanumeric set, so a label's symbol
/// stays version 1 even at error-correction level Q.
///
/// The check is the value of `B` + serial, read as a base-32 number, modulo 37.
/// Modulo a prime larger than the alphabet, every single substitution and every
/// swap of neighbours changes the remainder. Crockford's scheme spends five
/// extra symbols (`*~$=U`) on remainders 32...36; two of those are not in QR's
/// alphanumeric set and all of them are awkward to type, so serials whose
/// remainder is 32 or more are simply never issued. The check symbol then acts
/// as one more term of weight −1 and the guarantees still hold for it.
public struct BoxCode: Hashable, Comparable, Sendable, CustomStringConvertible {
    public static let prefix: Character = "B"
    public static let serialWidth = 4
    /// Serials are 0 ..< 32^4.
    public static let serialLimit = 1 << (5 * serialWidth)

    public let serial: Int

    /// The code for `serial`, or nil when that serial is never issued
    /// (its check remainder has no symbol) or out of range.
    public init?(serial: Int) {
        guard serial >= 0, serial < Self.serialLimit,
              Self.remainder(serial: serial) < 32 else { return nil }
        self.serial = serial
    }

    /// The first issuable serial at or after `serial`.
    public static func firstIssuable(from serial: Int) -> BoxCode? {
        var s = max(0, serial)
        while s < serialLimit {
            if let code = BoxCode(serial: s) { return code }
            s += 1
        }
        return nil
    }

    static func remainder(serial: Int) -> Int {
        let prefixValue = Crockford.value(of: prefix)!
        var value = prefixValue
        let body = Crockford.encode(serial, width: serialWidth)
        for ch in body { value = (value * 32 + Crockford.value(of: ch)!) % 37 }
        return value
    }

    public var checkSymbol: Character { Crockford.alphabet[Self.remainder(serial: serial)] }

    /// Canonical form, as printed: `B-7K3QX`.
    public var description: String {
        "\(Self.prefix)-\(Crockford.encode(serial, width: Self.serialWidth))\(checkSymbol)"
    }

    public static func < (a: BoxCode, b: BoxCode) -> Bool { a.serial < b.serial }
}

/// Why a typed or scanned text is not a box code.
public enum CodeProblem: Error, Equatable, Sendable {
    case empty
    case invalidCharacter(Character)
    case wrongLength(Int)
    case wrongCheck(expected: Character)
    /// Text with more than one box code in it: which box was meant is not
    /// for the program to guess.
    case severalCodes(BoxCode, BoxCode)
}

extension BoxCode {
    /// Reads a code as a person or a scanner gives it: any case, with or without
    /// the `B` and separators, Cyrillic look-alikes, I/L for 1 and O for 0.
    public static func parse(_ text: String) -> Result<BoxCode, CodeProblem> {
        var symbols: [Character] = []
        for ch in text where !(ch == "-" || ch == " " || ch == "_" || ch == "\t") {
            let c = Crockford.canonical(ch)
            guard Crockford.value(of: c) != nil else { return .failure(.invalidCharacter(ch)) }
            symbols.append(c)
        }
        if symbols.isEmpty { return .failure(.empty) }
        // The prefix may be left out when typing.
        if symbols.count == serialWidth + 2, symbols[0] == prefix { symbols.removeFirst() }
        guard symbols.count == serialWidth + 1 else { return .failure(.wrongLength(symbols.count)) }
        var serial = 0
        for ch in symbols.prefix(serialWidth) { serial = serial * 32 + (Crockford.value(of: ch) ?? 0) }
        let expected = remainder(serial: serial)
        guard expected < 32, Crockford.alphabet[expected] == symbols[serialWidth], let code = BoxCode(serial: serial) else {
            return .failure(.wrongCheck(expected: expected < 32 ? Crockford.alphabet[expected] : "?"))
        }
        return .success(code)
    }

    /// Finds a box code anywhere in scanned text, such as a URL that ends in the
    /// code or a label's payload with extra words, so old labels keep working
    /// when the address they point to changes. Two different codes in one
    /// text (`B-0001Z B-00070`) are refused: either could be the box meant.
    /// Text typed by a scanner while the Russian keyboard layout was on is
    /// read too (see `KeyboardLayout`); the check symbol keeps that honest.
    public static func find(in text: String) -> Result<BoxCode, CodeProblem> {
        let found = findAsTyped(in: text)
        guard case .failure(let problem) = found, let latin = KeyboardLayout.fromRussianLayout(text) else { return found }
        let retyped = findAsTyped(in: latin)
        switch (problem, retyped) {
        case (_, .success): return retyped
        // A code typed with the wrong layout and a typo: the typo is the news.
        case (.invalidCharacter, .failure(.wrongCheck)), (.invalidCharacter, .failure(.severalCodes)): return retyped
        default: return found
        }
    }

    /// A URL's path and query, without its scheme, host and port: a port
    /// such as `18093` reads like a code, and no label's code is there.
    private static func withoutAuthority(_ text: String) -> Substring {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard let scheme = trimmed.range(of: "://"), trimmed[..<scheme.lowerBound].lowercased().hasPrefix("http") else {
            return Substring(text)
        }
        let rest = trimmed[scheme.upperBound...]
        return rest.firstIndex(of: "/").map { rest[$0...] } ?? ""
    }

    private static func findAsTyped(in text: String) -> Result<BoxCode, CodeProblem> {
        let whole = parse(text.trimmingCharacters(in: .whitespacesAndNewlines))
        guard case .failure(let wholeProblem) = whole else { return whole }
        let separators: Set<Character> = ["/", "?", "=", "&", "#", " ", "\t", ":", ";", ",", "\n", "\r"]
        let tokens = withoutAuthority(text).split(whereSeparator: { separators.contains($0) }).map(String.init)
        var nearest: CodeProblem?
        var found: BoxCode?
        for token in tokens.reversed() {
            switch parse(token) {
            case .success(let code):
                if let other = found, other != code { return .failure(.severalCodes(code, other)) }
                found = code
            case .failure(let problem):
                // A token of a code's length with a bad check is the likeliest typo.
                if nearest == nil, case .wrongCheck = problem { nearest = problem }
            }
        }
        if let found { return .success(found) }
        return .failure(nearest ?? wholeProblem)
    }
}
