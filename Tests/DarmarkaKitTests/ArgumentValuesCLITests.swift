import Foundation
import Testing

/// Options whose values are a closed list are typed by the parser: help
/// names the values, and a value outside them is refused before any work,
/// in one line and the user's language.
@Suite("Option values from a closed list")
struct ArgumentValuesCLITests {
    @Test func aConditionOutsideTheListIsRefusedInOneLineInEitherLanguage() throws {
        let (cli, pre, _) = try CLI.withDemo()
        let history = try cli.run(["history", "--format", "csv"]).stdout
        let arguments = ["intake", "--box", pre, "--category", "shoes", "--quantity", "1", "--condition", "плохое"]
        let ru = try cli.run(arguments)
        #expect(ru.status == 64)
        #expect(ru.stderr == "darmarka: Неверные аргументы: значение «плохое» не подходит для «--condition <condition>». Допустимые значения: «новое», «хорошее», «ремонт», «утиль», «new», «good», «repair» или «recycle». Справка: darmarka intake --help.\n", "\(ru.stderr)")
        let en = try cli.run(arguments + ["--lang", "en"])
        #expect(en.status == 64)
        #expect(en.stderr == "darmarka: Invalid arguments: The value 'плохое' is invalid for '--condition <condition>'. Please provide one of 'новое', 'хорошее', 'ремонт', 'утиль', 'new', 'good', 'repair' or 'recycle'. See darmarka intake --help.\n", "\(en.stderr)")
        #expect(try cli.run(["history", "--format", "csv"]).stdout == history)
    }

    @Test func everySpellingOfAValueIsTaken() throws {
        let (cli, pre, _) = try CLI.withDemo()
        #expect(try cli.run(["intake", "--box", pre, "--category", "shoes", "--quantity", "1", "--condition", "Ветошь"]).status == 0)
        #expect(try cli.run(["box", "add", "--centre", "PRE", "--kind", "склад"]).status == 0)
        #expect(try cli.run(["stock", "--format", "JSON", "--lang", "EN"]).stdout.hasPrefix("["))
        let boxes = try cli.run(["box", "list", "--format", "csv", "--lang", "en"]).stdout
        #expect(boxes.contains("storage"), "\(boxes)")
    }

    /// Each list has its values in help, and the longest ones, past the
    /// parser's six, are still one line when refused.
    @Test(arguments: [
        (["stock", "--format", "xml"], "«table», «json», «csv», «md», «html», «xlsx» или «pdf»"),
        (["stock", "--lang", "de"], "«ru» или «en»"),
        (["box", "add", "--centre", "PRE", "--kind", "shelf"], "«collection», «storage», «sorting», «сбор», «хранение» или «сортировка»"),
        (["import", "x.csv", "--kind", "shelves"], "«journal», «boxes», «recipients», «events», «журнал», «боксы», «получатели» или «мероприятия»"),
        (["import", "x.csv", "--encoding", "koi8"], "«utf8» или «cp1251»"),
        (["import", "x.csv", "--delimiter", "|"], "«;», «,» или «tab»"),
        (["labels", "preview", "--output", "x.pdf", "--ecc", "X"], "«L», «M», «Q» или «H»"),
    ] as [([String], String)])
    func aValueOutsideTheListNamesTheValues(arguments: [String], values: String) throws {
        let (cli, _, _) = try CLI.withDemo()
        let result = try cli.run(arguments)
        #expect(result.status == 64)
        #expect(result.stderr.split(separator: "\n").count == 1 && result.stderr.hasPrefix("darmarka: Неверные аргументы: значение «"),
                "\(result.stderr)")
        #expect(result.stderr.contains("Допустимые значения: " + values + "."), "\(result.stderr)")
        if !arguments.contains("--format") {
            let json = try cli.run(arguments + ["--format", "json"])
            #expect(json.status == 64 && json.stderr.contains("\"invalidArguments\""), "\(json.stderr)")
        }
    }

    @Test func helpNamesTheValues() throws {
        let cli = CLI(database: "/nonexistent/never-opened.sqlite")
        // The parser wraps help to the terminal: compared word by word.
        let help = try cli.run(["intake", "--help"]).stdout.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        #expect(help.contains("values: новое, хорошее, ремонт, утиль, new, good, repair, recycle"), "\(help)")
        #expect(help.contains("values: table, json, csv, md, html, xlsx, pdf"), "\(help)")
        #expect(help.contains("values: ru, en"), "\(help)")
    }
}
