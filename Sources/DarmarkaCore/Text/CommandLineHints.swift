/// What the command line adds to a problem's domain wording: which flag or
/// command to use. The core says what is wrong (`LedgerProblem.domain`);
/// this table, keyed by problem, is the one place the command line's flags
/// and commands are named in a problem, so another front end (the web app)
/// can show the domain wording alone and name its own fields.
public enum CommandLineHint: Sendable, Equatable {
    /// Words that go on from the domain sentence, in place of its full stop:
    /// `: give --category and --quantity.` or `. See the boxes with: darmarka box list.`
    case continues(Phrase)
    /// The command line's own sentence, for a problem that is about its flags.
    case instead(Phrase)

    /// The domain wording with the hint applied.
    public func applied(to domain: Phrase) -> Phrase {
        switch self {
        case .continues(let rest):
            .joined(domain.map { text, _ in text.hasSuffix(".") ? String(text.dropLast()) : text }, rest, separator: "")
        case .instead(let sentence):
            sentence
        }
    }

    /// The hint for a problem, if the command line adds one.
    public static func hint(for problem: LedgerProblem) -> CommandLineHint? {
        switch problem {
        case .noLines:
            .continues(Phrase(ru: ": укажите --category и --quantity.", en: ": give --category and --quantity."))
        case .boxesDoNotFit:
            .continues(Phrase(ru: ": приём — в бокс (--box), выдача и списание — из бокса (--box), перемещение — --from и --to.",
                              en: ": intake goes into --box, handout and write-off come from --box, a transfer needs --from and --to."))
        case .transferToSameBox:
            .continues(Phrase(ru: ": укажите другой бокс в --to.", en: ": give another box in --to."))
        case .unknownBox:
            .continues(Phrase(ru: ". Список боксов: darmarka box list.", en: ". See the boxes with: darmarka box list."))
        case .eventOnAnotherDay(_, let held, _):
            .continues(Phrase(ru: ": укажите дату мероприятия (--date \(held)) или другое мероприятие.",
                              en: ": give the event's date (--date \(held)) or another event."))
        case .recipientDetailsWithoutRecipient:
            .instead(Phrase(ru: "--group и --household описывают получателя: укажите и его код (--recipient).",
                            en: "--group and --household describe a recipient: give their code too (--recipient)."))
        case .recipientDetailsDiffer:
            .continues(Phrase(ru: "; --group и --household задают их только новому получателю. Уберите их или проверьте код (darmarka recipient list).",
                              en: "; --group and --household set them for a new recipient only. Leave them out or check the code (darmarka recipient list)."))
        case .unknownCentre:
            .continues(Phrase(ru: ". Список центров: darmarka centre list.", en: ". See the centres with: darmarka centre list."))
        case .unknownCategory:
            .continues(Phrase(ru: ". Список категорий: darmarka category list.", en: ". See the categories with: darmarka category list."))
        case .unknownGroup:
            .continues(Phrase(ru: ". Список групп: darmarka group list.", en: ". See the groups with: darmarka group list."))
        case .unknownRecipient:
            .continues(Phrase(ru: ". Список: darmarka recipient list.", en: ". See them with: darmarka recipient list."))
        case .unknownEvent:
            .continues(Phrase(ru: ". Список: darmarka event list; новое: darmarka event add.",
                              en: ". See them with darmarka event list; add one with darmarka event add."))
        case .unknownMovement:
            .continues(Phrase(ru: ". Номера видны в darmarka history.", en: ". The numbers are shown by darmarka history."))
        case .codeNotIssued:
            .continues(Phrase(ru: ": заранее напечатать коды можно командой darmarka labels blank.",
                              en: ": pre-print codes with darmarka labels blank."))
        case .formatAndExtensionDiffer(let format, _):
            .continues(Phrase(ru: ", а указан --format \(format): поменяйте расширение или формат.",
                              en: ", but --format \(format) was given: change the extension or the format."))
        case .alreadyInitialised:
            .continues(Phrase(ru: ". Чтобы завести ещё одну, укажите другой файл в --db.", en: ". To start another, name another file with --db."))
        case .fileInTheWay:
            .continues(Phrase(ru: ": init его не тронет. Укажите для новой базы другой файл в --db.",
                              en: ": init leaves it alone. Name another file for the new database with --db."))
        case .noBackup:
            .continues(Phrase(ru: ". Укажите копию базы, сделанную darmarka backup.", en: ". Name a copy of the database made by darmarka backup."))
        case .notABackup:
            .continues(Phrase(ru: ". Укажите файл, сделанный darmarka backup.", en: ". Name a file made by darmarka backup."))
        case .backupIsFolder:
            .continues(Phrase(ru: ": копия базы, сделанная darmarka backup.", en: "; name a file: a copy of the database made by darmarka backup."))
        case .emptyName(let option):
            .continues(Phrase(ru: ": напишите его в \(option).", en: ": give one with \(option)."))
        case .notPositive(let option, let value):
            .instead(Phrase(ru: "\(option) — число от 1, а здесь \(value).", en: "\(option) must be 1 or more, not \(value)."))
        case .noDatabase:
            .continues(Phrase(ru: ". Создайте её: darmarka init (или укажите другую в --db).",
                              en: ". Create it with darmarka init (or name another with --db)."))
        case .damaged:
            .continues(Phrase(ru: ". Если это рабочая база, восстановите её из последней копии: darmarka restore КОПИЯ (повреждённый файл сохранится рядом).",
                              en: ". If it is the working database, restore it from the latest backup: darmarka restore BACKUP (the damaged file is kept beside it)."))
        case .notDarmarkaDatabase:
            .continues(Phrase(ru: ". Укажите правильный файл в --db.", en: ". Name the right file with --db."))
        case .contactWithoutConsent:
            .continues(Phrase(ru: ": добавьте --consent-date.", en: ": add --consent-date."))
        case .outputExists:
            .continues(Phrase(ru: ". Укажите другое имя или добавьте --force, чтобы перезаписать.",
                              en: ". Name another or add --force to overwrite it."))
        case .outputIsSpecial:
            .continues(Phrase(ru: ", --force тоже. Укажите путь к файлу.", en: ", --force or not. Give a file's path."))
        case .schemaDamaged:
            .continues(Phrase(ru: ". Посмотрите, что изменено: darmarka check; верните базу из копии: darmarka restore КОПИЯ.",
                              en: ". See what changed: darmarka check; bring back a backup: darmarka restore BACKUP."))
        case .codePrintedForAnotherCentre(_, let printedFor, let claimedAt):
            .continues(Phrase(ru: ". Проверьте центр (--centre \(printedFor)) или, если этикетку отдали в \(claimedAt) нарочно, добавьте --other-centre.",
                              en: ". Check the centre (--centre \(printedFor)) or, if the label was given to \(claimedAt) on purpose, add --other-centre."))
        default:
            nil
        }
    }
}

extension LedgerProblem {
    /// The problem as the command line says it: the domain wording and,
    /// where it has one, its hint.
    public var commandLine: Phrase {
        CommandLineHint.hint(for: self)?.applied(to: domain) ?? domain
    }
}
