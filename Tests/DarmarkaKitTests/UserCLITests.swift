import DarmarkaCore
@testable import DarmarkaKit
import Foundation
import Testing

/// `darmarka user …` and `serve`'s arguments, run as a user runs them.
@Suite("User CLI")
struct UserCLITests {
    @Test func addsListsDisablesAndResetsUsersWithThePasswordFromStandardInput() throws {
        let (cli, _, _) = try CLI.withDemo()
        let add = try cli.run(["user", "add", "anna", "--role", "coordinator"], stdin: "correct-horse\n")
        #expect(add.status == 0, "\(add.stderr)")
        #expect(add.stdout == "Пользователь anna добавлен, роль coordinator.\n")
        let vera = try cli.run(["user", "add", "vera", "--role", "волонтёр", "--centre", "pre", "--centre", "MAT"], stdin: "correct-horse\n")
        #expect(vera.stdout == "Пользователь vera добавлен, роль volunteer, центры PRE, MAT.\n")
        let list = try cli.run(["user", "list", "--format", "csv"])
        #expect(list.stdout.contains("anna,coordinator,,"))
        #expect(list.stdout.contains("vera,volunteer,\"MAT,PRE\","))
        // The hash is bcrypt's, never the password.
        let store = try Store.open(path: cli.database)
        let stored = try store.read { try $0.user(login: "anna") }
        #expect(stored?.passwordHash.hasPrefix("$2") == true)
        #expect(stored?.passwordHash.contains("correct-horse") == false)
        #expect(try cli.run(["user", "disable", "vera"]).stdout == "Пользователь vera отключён, его входы закрыты.\n")
        #expect(try store.read { try $0.user(login: "vera") }?.account.disabled == true)
        #expect(try cli.run(["user", "password", "anna"], stdin: "another-horse\n").status == 0)
        #expect(try store.read { try $0.user(login: "anna") }?.passwordHash != stored?.passwordHash)
    }

    @Test func refusesWhatWouldMakeABadUserAndWritesNothing() throws {
        let (cli, _, _) = try CLI.withDemo()
        let role = try cli.run(["user", "add", "bob", "--role", "boss"], stdin: "correct-horse\n")
        #expect(role.status != 0)
        #expect(role.stderr == "darmarka: Роли «boss» нет. Роли: coordinator, manager, volunteer, viewer.\n")
        let short = try cli.run(["user", "add", "bob", "--role", "viewer"], stdin: "short\n")
        #expect(short.stderr == "darmarka: Пароль короче 8 символов: придумайте длиннее.\n")
        let login = try cli.run(["user", "add", "Боб Иванов", "--role", "viewer"], stdin: "correct-horse\n")
        #expect(login.stderr.contains("Логин «Боб Иванов» не подходит"))
        let centre = try cli.run(["user", "add", "bob", "--role", "viewer", "--centre", "XYZ"], stdin: "correct-horse\n")
        #expect(centre.status != 0)
        try cli.run(["user", "add", "bob", "--role", "viewer"], stdin: "correct-horse\n")
        let twice = try cli.run(["user", "add", "BOB", "--role", "viewer"], stdin: "correct-horse\n")
        #expect(twice.stderr == "darmarka: Пользователь BOB уже есть.\n")
        #expect(try cli.run(["user", "disable", "nobody"]).stderr.contains("Пользователя nobody нет"))
        #expect(try cli.run(["user", "list", "--format", "csv"]).stdout.split(whereSeparator: \.isNewline).count == 2)
        let listen = try cli.run(["serve", "--listen", "localhost"])
        #expect(listen.stderr == "darmarka: Адрес «localhost» не подходит: нужно ХОСТ:ПОРТ, например 127.0.0.1:8080.\n")
        let base = try cli.run(["serve", "--url-base", "darmarka.example.org"])
        #expect(base.stderr.contains("нужно http://… или https://…"))
    }
}
