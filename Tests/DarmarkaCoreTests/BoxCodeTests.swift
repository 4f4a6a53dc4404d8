import Testing
@testable import DarmarkaCore

@Suite("Box codes")
struct BoxCodeTests {
    /// Every 97th issuable code across the whole range.
    static let sample: [BoxCode] = stride(from: 0, to: BoxCode.serialLimit, by: 97).compactMap { BoxCode.firstIssuable(from: $0) }

    @Test func roundTripsThroughText() {
        for code in Self.sample {
            #expect(BoxCode.parse(code.description) == .success(code))
        }
    }

    @Test func looksLikeThisAndFitsQRAlphanumeric() throws {
        let code = try #require(BoxCode.firstIssuable(from: 123))
        #expect(code.description.count == 7)
        #expect(code.description.hasPrefix("B-"))
        let qrAlphanumeric = Set("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:")
        #expect(code.description.allSatisfy { qrAlphanumeric.contains($0) })
    }

    @Test func readsWhatPeopleType() throws {
        let code = try #require(BoxCode.firstIssuable(from: 0o7777))
        let text = code.description
        let body = String(text.dropFirst(2))
        #expect(BoxCode.parse(text.lowercased()) == .success(code))
        #expect(BoxCode.parse(body) == .success(code))
        #expect(BoxCode.parse("b" + body) == .success(code))
        #expect(BoxCode.parse(" B - \(body) ") == .success(code))
        // Cyrillic В for Latin B, as typed on a Russian layout.
        #expect(BoxCode.parse("В-" + body) == .success(code))
    }

    @Test func readsCyrillicLookalikesAndCrockfordAliases() throws {
        // Find a code whose body has a letter with a Cyrillic twin and a 0 or 1.
        let code = try #require(Self.sample.first { c in
            let b = c.description.dropFirst(2)
            return b.contains("C") && (b.contains("0") || b.contains("1"))
        })
        let typed = code.description.replacingOccurrences(of: "C", with: "с")
            .replacingOccurrences(of: "0", with: "O").replacingOccurrences(of: "1", with: "l")
        #expect(BoxCode.parse(typed) == .success(code))
    }

    @Test func catchesEverySingleSubstitution() {
        var checked = 0
        for code in Self.sample.prefix(2000) {
            let symbols = Array(code.description.filter { $0 != "-" })
            for i in symbols.indices {
                for replacement in Crockford.alphabet where replacement != symbols[i] {
                    var typo = symbols
                    typo[i] = replacement
                    if case .success(let other) = BoxCode.parse(String(typo)) {
                        Issue.record("\(String(typo)) read as \(other), typo of \(code)")
                    }
                    checked += 1
                }
            }
        }
        #expect(checked > 300_000)
    }

    @Test func catchesEveryAdjacentSwap() {
        for code in Self.sample {
            let symbols = Array(code.description.filter { $0 != "-" })
            for i in 0..<(symbols.count - 1) where symbols[i] != symbols[i + 1] {
                var typo = symbols
                typo.swapAt(i, i + 1)
                if case .success = BoxCode.parse(String(typo)) {
                    Issue.record("swap in \(code) gave a valid code \(String(typo))")
                }
            }
        }
    }

    @Test func reportsWhatIsWrong() throws {
        #expect(BoxCode.parse("") == .failure(.empty))
        #expect(BoxCode.parse("B-12") == .failure(.wrongLength(3)))
        if case .failure(.invalidCharacter(let ch)) = BoxCode.parse("B-12Я45") { #expect(ch == "Я") } else { Issue.record("expected invalid character") }
        let code = try #require(BoxCode.firstIssuable(from: 1000))
        var s = Array(code.description)
        s[s.count - 1] = s[s.count - 1] == "0" ? "1" : "0"
        if case .failure(.wrongCheck) = BoxCode.parse(String(s)) {} else { Issue.record("expected wrong check") }
    }

    @Test func findsTheCodeInAScannedURL() throws {
        let code = try #require(BoxCode.firstIssuable(from: 4242))
        #expect(BoxCode.find(in: "HTTPS://DARMARKA.EXAMPLE/B/\(code)") == .success(code))
        #expect(BoxCode.find(in: "https://darmarka.example/b/\(code.description.lowercased())?from=label") == .success(code))
        #expect(BoxCode.find(in: "  \(code)\r\n") == .success(code))
        #expect(BoxCode.find(in: "https://darmarka.example/b/\(code)?box=\(code)") == .success(code))
    }

    /// Two codes in what was typed: either box could be the one meant.
    @Test func twoDifferentCodesAreRefused() throws {
        let first = try #require(BoxCode.firstIssuable(from: 4242)), second = try #require(BoxCode.firstIssuable(from: 4300))
        for text in ["\(first) \(second)", "\(first), \(second)", "\(first);\(second)", "https://x.example/b/\(first)?b=\(second)"] {
            #expect(BoxCode.find(in: text) == .failure(.severalCodes(first, second)), "\(text)")
        }
        #expect(LedgerProblem.badBoxCode("\(first) \(second)", .severalCodes(first, second)).phrase.ru
            == "В «\(first) \(second)» два кода боксов, \(first) и \(second): укажите один.")
    }

    @Test func neverIssuesAnUncheckableSerial() {
        var skipped = 0
        for serial in 0..<10_000 {
            if BoxCode(serial: serial) == nil { skipped += 1 } else {
                #expect(BoxCode.remainder(serial: serial) < 32)
            }
        }
        // About 5 in 37 serials have no check symbol.
        #expect(skipped > 1000 && skipped < 1800)
    }
}
