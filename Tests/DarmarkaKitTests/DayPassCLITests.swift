import DarmarkaCore
@testable import DarmarkaKit
import Foundation
import Testing

/// `darmarka user pass …`, run as a coordinator runs it: the link, its QR
/// read back with zbar, the list, revoking, and what is refused.
@Suite("Day pass CLI")
struct DayPassCLITests {
    @Test func makesAOneTimeLinkWithItsQRListsAndRevokesIt() throws {
        let (cli, _, _) = try CLI.withDemo()
        let folder = URL(fileURLWithPath: cli.database).deletingLastPathComponent()
        let png = folder.appendingPathComponent("pass.png")
        let made = try cli.run(["user", "pass", "--centre", "pre", "--hours", "12", "--url-base", "https://darmarka.example/b/",
                                "--output", png.path])
        #expect(made.status == 0, "\(made.stderr)")
        let lines = made.stdout.split(separator: "\n").map(String.init)
        #expect(lines.first?.hasPrefix("Пропуск №1 для волонтёра центра PRE действует до ") == true)
        let link = lines.count > 1 ? lines[1] : ""
        #expect(link.hasPrefix("https://darmarka.example/pass?t="))
        #expect(link.count > "https://darmarka.example/pass?t=".count + 40)
        #expect(lines.last == "QR-код: \(png.path)")
        // The QR holds exactly the link, and only its owner may read the file.
        #expect(try LabelTools.decode(png) == [link])
        let mode = try FileManager.default.attributesOfItem(atPath: png.path)[.posixPermissions] as? Int
        #expect(mode == 0o600)
        // The database keeps the token's hash only.
        let token = String(link.split(separator: "=").last ?? "")
        let bytes = try Data(contentsOf: URL(fileURLWithPath: cli.database))
        #expect(bytes.range(of: Data(token.utf8)) == nil)
        // The address `serve --url-base` remembered serves the next pass; an existing file needs --force.
        try Store.open(path: cli.database).write { try $0.rememberPublicAddress("https://d.example.org") }
        let second = try cli.run(["user", "pass", "--centre", "PRE", "--output", png.path])
        #expect(second.status != 0)
        #expect(second.stderr.contains(png.path))
        let forced = try cli.run(["user", "pass", "new", "--centre", "PRE", "--hours", "2", "--output", png.path, "--force"])
        #expect(forced.status == 0, "\(forced.stderr)")
        #expect(forced.stdout.contains("\nhttps://d.example.org/pass?t="))
        let list = try cli.run(["user", "pass", "list", "--format", "csv"])
        #expect(list.stdout.split(whereSeparator: \.isNewline).count == 3)
        #expect(list.stdout.contains("1,PRE,"))
        #expect(list.stdout.contains(",не открыт"))
        #expect(try cli.run(["user", "pass", "revoke", "1"]).stdout == "Пропуск №1 отозван, вход по нему закрыт.\n")
        #expect(try cli.run(["user", "pass", "list", "--format", "json"]).stdout.contains("\"revoked\""))
        // Passes are no users.
        #expect(try cli.run(["user", "list", "--format", "csv"]).stdout.split(whereSeparator: \.isNewline).count == 1)
    }

    @Test func refusesBadHoursAnUnknownCentreNoAddressAndAnUnknownPassWritingNothing() throws {
        let (cli, _, _) = try CLI.withDemo()
        let folder = URL(fileURLWithPath: cli.database).deletingLastPathComponent()
        let png = folder.appendingPathComponent("pass.png").path
        let hours = try cli.run(["user", "pass", "--centre", "PRE", "--hours", "100", "--url-base", "https://d.example", "-o", png])
        #expect(hours.stderr == "darmarka: \(DayPassProblem.badHours("100").text(.ru))\n")
        let noBase = try cli.run(["user", "pass", "--centre", "PRE", "-o", png])
        #expect(noBase.stderr == "darmarka: \(DayPassProblem.noURLBase.text(.ru))\n")
        let badBase = try cli.run(["user", "pass", "--centre", "PRE", "--url-base", "darmarka.example", "-o", png])
        #expect(badBase.stderr == "darmarka: \(DayPassProblem.badURLBase("darmarka.example").text(.ru))\n")
        #expect(try cli.run(["user", "pass", "--centre", "XYZ", "--url-base", "https://d.example", "-o", png]).status != 0)
        #expect(!FileManager.default.fileExists(atPath: png))
        #expect(try Store.open(path: cli.database).read { try $0.dayPasses() }.isEmpty)
        #expect(try cli.run(["user", "pass", "revoke", "7"]).stderr == "darmarka: \(DayPassProblem.unknownPass("7").text(.ru))\n")
    }
}
