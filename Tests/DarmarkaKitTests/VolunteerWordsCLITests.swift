import Foundation
import Testing
@testable import DarmarkaKit

/// Categories, groups, centres and templates by the words people type.
@Suite("Volunteers' words: command line", .serialized)
struct VolunteerWordsCLITests {
    @Test func aWordThatFitsTwoCategoriesIsRefusedWithBothAndNothingIsWritten() throws {
        let (cli, pre, _) = try CLI.withDemo()
        let before = try cli.run(["history", "--format", "csv"]).stdout
        let r = try cli.run(["intake", "--box", pre, "--category", "бельё", "--quantity", "3"])
        #expect(r.status != 0)
        #expect(r.stderr.contains("«бельё» — это нижнее бельё и носки (новое) (underwear) или постельное бельё и полотенца (linen)?"), "\(r.stderr)")
        #expect(r.stderr.split(separator: "\n").count == 1)
        #expect(try cli.run(["history", "--format", "csv"]).stdout == before)
        let en = try cli.run(["handout", "--box", pre, "--category", "белья", "--quantity", "1", "--lang", "en"])
        #expect(en.status != 0)
        #expect(en.stderr.contains("Underwear and socks (new) (underwear) or Bed linen and towels (linen)"), "\(en.stderr)")
    }

    @Test func aSynonymOrAWordFormRecordsItsCategory() throws {
        let (cli, pre, mat) = try CLI.withDemo()
        let r = try cli.run(["intake", "--box", pre, "--category", "кроссовки", "--quantity", "2"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("«Обувь»"), "\(r.stdout)")
        #expect(try cli.run(["intake", "--box", pre, "--category", "постельное белье", "--quantity", "1"]).status == 0)
        #expect(try cli.run(["transfer", "--from", pre, "--to", mat, "--category", "обувь детская", "--quantity", "1"]).status == 0)
        #expect(try cli.run(["writeoff", "--box", pre, "--category", "обуви", "--quantity", "1"]).status == 0)
        let stock = try cli.run(["stock", "--format", "csv"]).stdout
        #expect(stock.contains("\(mat),") && stock.contains(",shoes,") && stock.contains(",linen,"), "\(stock)")
        let count = try cli.run(["count", "--box", mat, "--category", "сапоги", "--quantity", "1", "--lang", "en"])
        #expect(count.status == 0 && count.stdout.contains("Shoes"), "\(count.stdout)\(count.stderr)")
    }

    @Test func aTypoGetsDidYouMean() throws {
        let (cli, pre, _) = try CLI.withDemo()
        let r = try cli.run(["intake", "--box", pre, "--category", "кросовки", "--quantity", "1"])
        #expect(r.status != 0)
        #expect(r.stderr.contains("Категории «кросовки» нет. Может быть, обувь (shoes)?"), "\(r.stderr)")
        let en = try cli.run(["intake", "--box", pre, "--category", "toyz", "--quantity", "1", "--lang", "en"])
        #expect(en.stderr.contains("There is no category “toyz”. Did you mean Toys (toys)?"), "\(en.stderr)")
    }

    @Test func aGroupIsFoundByAWordFormToo() throws {
        let (cli, pre, _) = try CLI.withDemo()
        try cli.run(["intake", "--box", pre, "--category", "книги", "--quantity", "2"])
        let r = try cli.run(["handout", "--box", pre, "--category", "книг", "--quantity", "1", "--recipient", "ТД-1",
                             "--new-recipient", "--group", "многодетных"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(try cli.run(["recipient", "list", "--format", "csv"]).stdout.contains("large-family"))
    }

    @Test func anImportRowWithAnAmbiguousWordGetsFileLineColumn() throws {
        let (cli, pre, _) = try CLI.withDemo()
        let text = csv([englishHeader,
                        ["2026-11-05", "intake", pre, "", "кроссовки", "1", "", "", "", "", "", "", ""],
                        ["2026-11-05", "intake", pre, "", "бельё", "1", "", "", "", "", "", "", ""],
                        ["2026-11-05", "intake", pre, "", "кросовки", "1", "", "", "", "", "", "", ""]])
        let path = try ImportCLITests.write(text, "words.csv", for: cli)
        let before = try cli.run(["history", "--format", "csv"]).stdout
        let r = try cli.run(["import", path])
        #expect(r.status == 1)
        let lines = r.stderr.split(separator: "\n").map(String.init)
        #expect(lines.count == 3, "\(r.stderr)")
        #expect(lines.first == "\(path):3: category: «бельё» — это нижнее бельё и носки (новое) (underwear) или постельное бельё и полотенца (linen)? Напишите точнее или кодом категории")
        #expect(lines.dropFirst().first?.hasPrefix("\(path):4: category: категории «кросовки» нет: может быть, обувь (shoes)?") == true)
        #expect(try cli.run(["history", "--format", "csv"]).stdout == before)
    }

    @Test func aDatabaseSeededWithBelyoAsUnderwearRefusesItToo() throws {
        let path = try UpgradeTests.copyOfFixture("v1-darmarka.sqlite")
        let cli = CLI(database: path)
        let box = try CLI.code(try cli.run(["box", "add", "--centre", "PRE", "--format", "json"]).stdout)
        let r = try cli.run(["intake", "--box", box, "--category", "белье", "--quantity", "1"])
        #expect(r.status != 0)
        #expect(r.stderr.contains("(underwear) или постельное бельё и полотенца (linen)?"), "\(r.stderr)")
        #expect(!(try cli.run(["category", "list", "--format", "csv"]).stdout.contains("белье")))
        // The organisation may still give the word to one category of its own choosing.
        #expect(try cli.run(["category", "alias", "linen", "бельё"]).status == 0)
        let ok = try cli.run(["intake", "--box", box, "--category", "бельё", "--quantity", "1"])
        #expect(ok.status == 0 && ok.stdout.contains("Постельное"), "\(ok.stdout)\(ok.stderr)")
    }

    @Test func aCentreCodeTypedInCyrillicLookAlikesIsTheCentre() throws {
        let (cli, _, mat) = try CLI.withDemo()
        // МАТ in Cyrillic, and in lower case.
        let box = try cli.run(["box", "add", "--centre", "\u{041C}\u{0410}\u{0422}", "--format", "json"])
        #expect(box.status == 0, "\(box.stderr)")
        let added = try CLI.code(box.stdout)
        let boxes = try cli.run(["box", "list", "--centre", "мат", "--format", "csv"])
        #expect(boxes.status == 0 && boxes.stdout.contains(mat) && boxes.stdout.contains(added), "\(boxes.stdout)\(boxes.stderr)")
        // And a new centre's code typed so is stored in Latin.
        #expect(try cli.run(["centre", "add", "--code", "КОМ", "--name", "Комсомольский"]).status == 0)
        #expect(try cli.run(["centre", "list", "--format", "csv"]).stdout.contains("KOM,"))
        #expect(try cli.run(["centre", "add", "--code", "KOM", "--name", "Ещё раз"]).status != 0)
    }

    @Test func aTemplateNameTypedWithACyrillicXIsTheTemplate() throws {
        let (cli, pre, _) = try CLI.withDemo()
        let directory = try LabelTools.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let png = directory.appendingPathComponent("roll.png")
        let r = try cli.run(["labels", "boxes", pre, "--template", "58\u{0445}40", "--output", png.path, "--format", "json"])
        #expect(r.status == 0, "\(r.stderr)")
        let search = try cli.run(["labels", "templates", "--search", "58\u{0445}40", "--format", "csv"])
        #expect(search.stdout.contains("58x40"), "\(search.stdout)")
    }
}
