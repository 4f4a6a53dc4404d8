import Testing
@testable import DarmarkaCore

@Suite("Command-line parser messages in Russian")
struct ArgumentMessagesTests {
    /// The forms swift-argument-parser 1.8 writes, as it writes them.
    @Test(arguments: [
        ("Unknown option '--qty'", "неизвестный параметр «--qty»"),
        ("Unknown option '--bogus'. Did you mean '--box'?", "неизвестный параметр «--bogus». Возможно, имелся в виду «--box»?"),
        ("Missing value for '--box <box>'", "не указано значение параметра «--box <box>»"),
        ("Missing expected argument '--quantity <quantity>'", "не указан обязательный аргумент «--quantity <quantity>»"),
        ("Missing one of: '--box <box>', '--centre <centre>'", "нужно указать одно из: «--box <box>», «--centre <centre>»"),
        ("Unexpected argument 'extra'", "лишний аргумент «extra»"),
        ("2 unexpected arguments: 'a', 'b'", "лишние аргументы (2): «a», «b»"),
        ("The value 'xml' is invalid for '--format <format>'", "значение «xml» не подходит для «--format <format>»."),
        ("The value 'x' is invalid for '--side <side>'. Please provide one of 'more' and 'fewer'.",
         "значение «x» не подходит для «--side <side>». Допустимые значения: «more» или «fewer»."),
        ("The value 'x' is invalid for '--kind <kind>'. Please provide one of 'journal', 'boxes' or 'recipients'.",
         "значение «x» не подходит для «--kind <kind>». Допустимые значения: «journal», «boxes» или «recipients»."),
        ("The value 'x' is invalid for '--kind <kind>'. Please provide one of the following:",
         "значение «x» не подходит для «--kind <kind>». Допустимые значения — в справке."),
        ("The value 'два' is invalid for '--quantity <quantity>': не число", "значение «два» не подходит для «--quantity <quantity>»: не число"),
        ("The option '--force' does not take any value, but 'yes' was specified.", "параметр «--force» не принимает значений, но указано «yes»."),
        ("Missing required subcommand.", "не указана команда."),
        ("Value to be set with flag '--ru' had already been set with flag '--en'",
         "значение параметра «--ru» уже задано параметром «--en»"),
    ])
    func translatesEachForm(english: String, russian: String) {
        #expect(ArgumentMessages.russian(english) == russian)
    }

    /// Six values or more come on lines of their own: folded into the one
    /// line, and read in Russian with the values still in it.
    @Test func aLongListOfValuesStaysOnOneLine() {
        let english = ArgumentMessages.oneLine("""
            The value 'плохое' is invalid for '--condition <condition>'. Please provide one of the following:
              - новое
              - хорошее
              - ремонт
              - утиль
              - new
              - good
            """)
        #expect(english == "The value 'плохое' is invalid for '--condition <condition>'. Please provide one of 'новое', 'хорошее', 'ремонт', 'утиль', 'new' or 'good'.")
        #expect(ArgumentMessages.russian(english)
                == "значение «плохое» не подходит для «--condition <condition>». Допустимые значения: «новое», «хорошее», «ремонт», «утиль», «new» или «good».")
        #expect(ArgumentMessages.oneLine("Unknown option '--qty'\nUsage: darmarka intake") == "Unknown option '--qty'")
        #expect(ArgumentMessages.oneLine("Missing value for '--box <box>'") == "Missing value for '--box <box>'")
    }

    @Test func leavesAnUnknownFormAsItIs() {
        #expect(ArgumentMessages.russian("Something new happened") == "Something new happened")
    }

    @Test func theProblemReadsInBothLanguages() {
        let problem = LedgerProblem.invalidArguments("Unknown option '--qty'")
        #expect(problem.text(.ru) == "Неверные аргументы: неизвестный параметр «--qty». Справка: darmarka --help.")
        #expect(problem.text(.en) == "Invalid arguments: Unknown option '--qty'. See darmarka --help.")
        let guess = LedgerProblem.invalidArguments("Unknown option '--bogus'. Did you mean '--box'?")
        #expect(guess.text(.ru) == "Неверные аргументы: неизвестный параметр «--bogus». Возможно, имелся в виду «--box»? Справка: darmarka --help.")
        #expect(guess.text(.en) == "Invalid arguments: Unknown option '--bogus'. Did you mean '--box'? See darmarka --help.")
    }
}
