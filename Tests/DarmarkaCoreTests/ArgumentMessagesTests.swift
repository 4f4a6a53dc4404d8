import Testing
@testable import DarmarkaCore

@Suite("Command-line parser messages in Russian")
struct ArgumentMessagesTests {
    /// The forms swift-argument-parser writes, as it writes them.
    @Test(arguments: [
        ("Unknown option '--qty'", "Неизвестный параметр «--qty»"),
        ("Unknown option '--bogus'. Did you mean '--box'?", "Неизвестный параметр «--bogus». Может быть, «--box»?"),
        ("Missing value for '--box <box>'", "Не указано значение для «--box <box>»"),
        ("Missing expected argument '--quantity <quantity>'", "Не указан обязательный аргумент «--quantity <quantity>»"),
        ("Missing one of: '--box <box>', '--centre <centre>'", "Нужно указать одно из: '--box <box>', '--centre <centre>'"),
        ("Unexpected argument 'extra'", "Лишний аргумент «extra»"),
        ("2 unexpected arguments: 'a', 'b'", "Лишние аргументы (2): 'a', 'b'"),
        ("The value 'xml' is invalid for '--format <format>'", "Значение «xml» не подходит для «--format <format>»."),
        ("The value 'x' is invalid for '--kind <kind>'. Please provide one of 'journal', 'boxes' and 'recipients'.",
         "Значение «x» не подходит для «--kind <kind>». Допустимо: 'journal', 'boxes' или 'recipients'."),
        ("The value 'два' is invalid for '--quantity <quantity>': не число", "Значение «два» не подходит для «--quantity <quantity>»: не число"),
        ("The option '--force' does not take any value, but 'yes' was specified.", "Параметр «--force» не принимает значения, а указано «yes»."),
        ("Missing required subcommand.", "Не указана команда."),
    ])
    func translatesEachForm(english: String, russian: String) {
        #expect(ArgumentMessages.russian(english) == russian)
    }

    @Test func leavesAnUnknownFormAsItIs() {
        #expect(ArgumentMessages.russian("Something new happened") == "Something new happened")
    }

    @Test func theProblemReadsInBothLanguages() {
        let problem = LedgerProblem.invalidArguments("Unknown option '--qty'")
        #expect(problem.text(.ru) == "Неверные аргументы: Неизвестный параметр «--qty». Справка: darmarka --help.")
        #expect(problem.text(.en) == "Invalid arguments: Unknown option '--qty'. See darmarka --help.")
        let guess = LedgerProblem.invalidArguments("Unknown option '--bogus'. Did you mean '--box'?")
        #expect(guess.text(.ru) == "Неверные аргументы: Неизвестный параметр «--bogus». Может быть, «--box»? Справка: darmarka --help.")
        #expect(guess.text(.en) == "Invalid arguments: Unknown option '--bogus'. Did you mean '--box'? See darmarka --help.")
    }
}
