import ArgumentParser
import DarmarkaCore
import DarmarkaKit
import DarmarkaWeb
import Foundation

/// `darmarka user …`: the accounts of `darmarka serve`.
struct UserCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "user", abstract: "Пользователи веб-приложения / web app users.",
                                                    subcommands: [Add.self, List.self, Disable.self, Password.self, DayPassCommand.self])

    /// A password typed at a prompt without echo on a terminal, else one line of standard input.
    static func readPassword(_ lang: Lang) throws -> String {
        var line: String?
        if isatty(STDIN_FILENO) == 1 {
            FileHandle.standardError.write(Data(WebNote.passwordPrompt.text(lang).utf8))
            var old = termios()
            tcgetattr(STDIN_FILENO, &old)
            var silent = old
            silent.c_lflag &= ~tcflag_t(ECHO)
            tcsetattr(STDIN_FILENO, TCSANOW, &silent)
            line = Swift.readLine()
            tcsetattr(STDIN_FILENO, TCSANOW, &old)
            FileHandle.standardError.write(Data("\n".utf8))
        } else {
            line = Swift.readLine()
        }
        guard let password = line, password.count >= 8 else { throw WebProblem.shortPassword }
        return password
    }

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "add", abstract: "Добавить пользователя / add a user.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "Логин / login.") var login: String
        @Option(help: "coordinator | manager | volunteer | viewer") var role: String
        @Option(help: "Центр, можно несколько раз / centre, repeatable.") var centre: [String] = []

        func run() throws {
            let ctx = try Context(global)
            guard let r = Role.parse(role) else { throw WebProblem.unknownRole(role) }
            let store = try ctx.store()
            let centres = try store.read { tx in try centre.map { try tx.centre($0) } }
            let hash = Secrets.hashPassword(try UserCommand.readPassword(ctx.lang))
            let account = try store.write { try $0.addUser(login: login, passwordHash: hash, role: r, centres: centres) }
            ctx.say(.empty(WebNote.userAdded(login: account.login, role: account.role.rawValue, centres: account.centres).phrase))
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "list", abstract: "Список пользователей / list users.")
        @OptionGroup var global: GlobalOptions
        func run() throws {
            let ctx = try Context(global)
            let users = try ctx.store().read { try $0.users() }
            ctx.show(.users(users))
        }
    }

    struct Disable: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "disable", abstract: "Отключить пользователя и его входы / disable a user and end their sessions.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "Логин / login.") var login: String
        func run() throws {
            let ctx = try Context(global)
            try ctx.store().write { try $0.disableUser(login) }
            ctx.say(.empty(WebNote.userDisabled(login: login).phrase))
        }
    }

    struct Password: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "password", abstract: "Новый пароль / set a new password.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "Логин / login.") var login: String
        func run() throws {
            let ctx = try Context(global)
            let store = try ctx.store()
            guard try store.read({ try $0.user(login: login) }) != nil else { throw WebProblem.unknownUser(login) }
            let hash = Secrets.hashPassword(try UserCommand.readPassword(ctx.lang))
            try store.write { try $0.setPassword(login, hash: hash) }
            ctx.say(.empty(WebNote.passwordSet(login: login).phrase))
        }
    }
}
