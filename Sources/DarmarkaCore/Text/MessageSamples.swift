// Generated first by a script, then kept by hand: one sample of every
// message, so that `MessageCatalogueTests` can render each in both
// languages and write the catalogue a translator reviews
// (`docs/messages.md`). A new case needs a sample here, or that test fails.

private let day = LocalDate(year: 2026, month: 11, day: 3) ?? LocalDate(dayNumber: 0)
private let shoes = Phrase(ru: "Обувь", en: "Shoes")

extension CatalogueWordProblem {
    /// One of each case, with sample values.
    public static var samples: [CatalogueWordProblem] {
        [
            .ambiguous(.category, "Q7", candidates: [NamedEntry(id: 3, code: "shoes", nameRu: "Обувь", nameEn: "Shoes", aliases: [])]),
            .unknown(.category, "Q7", suggestions: [NamedEntry(id: 3, code: "shoes", nameRu: "Обувь", nameEn: "Shoes", aliases: [])]),
        ]
    }
}

extension CorrectionProblem {
    /// One of each case, with sample values.
    public static var samples: [CorrectionProblem] {
        [
            .undone(3, by: 3),
            .apart(3, line: 3),
            .missingLines(3, lines: 3, rows: 3),
            .otherMovement(3, was: shoes),
        ]
    }
}

extension CorrectionNote {
    /// One of each case, with sample values.
    public static var samples: [CorrectionNote] {
        var all: [CorrectionNote] = [.count(3, movements: [3, 4]), .lineNumber(3), .more(3)]
        if let box = BoxCode.firstIssuable(from: 1) {
            let row = JournalRow(date: day, operation: .intake, box: box, category: "shoes", quantity: 6)
            all.insert(.shown(file: "journal.csv", ImportCorrection(movement: 3, line: 3, before: [row], after: [row]),
                              changes: "quantity: 6 → 5"), at: 1)
        }
        return all
    }
}

extension Finding {
    /// One of each case, with sample values.
    public static var samples: [Finding] {
        [
            .integrity("Q7"),
            .foreignKey(table: "Q7", row: 3, parent: "darmarka box"),
            .balanceDiffers(box: "Q7", category: "Q7", kept: 3, ledger: 3),
            .dayBalanceDiffers(box: "Q7", category: "Q7", day: "Q7", kept: 3, ledger: 3),
            .reportTableDiffers(table: "Q7", rows: 3),
            .negativeStock(box: "Q7", category: "Q7", day: "Q7", quantity: 3),
            .badReversal(id: 3, reverses: 3, why: "Q7"),
            .notDarmarka,
            .schemaDiffers(object: "Q7", change: .changed),
            .recipientKeyStale(code: "Q7"),
            .sealBroken(movement: 3),
            .noteAltered(movement: 3),
        ]
    }
}


extension ImportMessage {
    /// One of each case, with sample values.
    public static var samples: [ImportMessage] {
        [
            .emptyFile,
            .unterminatedQuote,
            .fieldTooLong(limit: 3),
            .tooManyFields(limit: 3),
            .headerNotUTF8,
            .missingColumns([.box, .date]),
            .duplicateColumn(.box, titles: ["Q7", "Z9"]),
            .unknownColumns(["Q7", "Z9"]),
            .readFailed("Q7"),
            .notUTF8,
            .extraValues(found: 3, columns: 3),
            .missing(.box),
            .badDate("Q7"),
            .unknownOperation("Q7"),
            .adjustmentNotImported,
            .badBox("Q7", .wrongLength(4)),
            .transferNeedsTargetBox,
            .transferToSameBox,
            .targetBoxOnlyForTransfers(.handout),
            .badQuantity("Q7"),
            .quantityTooLarge("Q7"),
            .badWeight("Q7"),
            .weightTooLarge("Q7"),
            .notOneLine("Q7"),
            .recipientForgotten("Q7"),
            .negativeWeight("Q7"),
            .weightTooPrecise("Q7"),
            .unknownCondition("Q7"),
            .onlyForHandouts(.box, .handout),
            .unknownBox("Q7"),
            .boxRetired("Q7"),
            .futureDate(day, today: day),
            .unknownCategory("Q7"),
            .unknownGroup("Q7"),
            .badRecipientCode("Q7"),
            .insufficientStock(box: "Q7", category: shoes, held: 3, asked: 3, on: day),
            .shortLater(box: "Q7", category: shoes, short: 3, on: day),
            .movementRowsDiffer("Q7"),
            .missingReferenceColumns(["Q7", "Z9"]),
            .duplicateReferenceColumn("Q7"),
            .required("Q7"),
            .unknownCentre("Q7"),
            .badCentreCode("Q7"),
            .badBoxKind("Q7"),
            .boxElsewhere(code: "Q7", centre: "Q7"),
            .codeRepeated("Q7", line: 3),
            .badHousehold("Q7"),
            .recipientDiffers("Q7"),
            .badParticipants("Q7"),
            .eventDiffers("Q7", day),
            .refused(.unknownBox("Q7")),
            .words(CatalogueWordProblem.samples[0]),
            .recipient(RecipientProblem.samples[0]),
            .noSuchDate("Q7"),
            .dateTooEarly("Q7"),
            .correction(CorrectionProblem.samples[0]),
            .workbook(WorkbookProblem.samples[0]),
        ]
    }
}

extension ImportNote {
    /// One of each case, with sample values.
    public static var samples: [ImportNote] {
        [
            .sameFile(file: "journal.csv", batch: ImportBatchInfo(id: 3, fileName: "journal.csv", kind: "journal", rows: 3, importedAt: "2026-11-03 14:30:00")),
            .nothingNew(file: "journal.csv", rows: 3),
            .noRows(file: "journal.csv"),
            .imported(file: "journal.csv", rows: 3, read: 3, skipped: 3, seconds: 1.5, dryRun: false),
            .registered(recipients: 3, events: 3, volunteers: 3),
            .referenceImported(kind: .boxes, file: "journal.csv", registered: 3, already: 3, centres: 3, seconds: 1.5, dryRun: false),
            .refused(file: "journal.csv", problems: 3),
            .moreProblems(3),
            .progress(rows: 3, percent: 40),
            .unknownColumns(file: "journal.csv", titles: ["Q7", "Z9"]),
            .exported(path: "journal.csv", rows: 3),
        ]
    }
}

extension LabelNote {
    /// One of each case, with sample values.
    public static var samples: [LabelNote] {
        [
            .labelsWritten(labels: 3, pages: 3, roll: false, template: "Q7", files: ["Q7", "Z9"]),
            .blanksIssued(count: 3, centre: "Q7", first: "Q7", last: "Q7"),
            .previewWritten(path: "journal.csv", template: "Q7"),
            .warning(.textDropped("Q7")),
            .box(code: "Q7", name: "Q7", centre: "Q7", centreName: "Q7", kind: .storage, status: .retired),
            .boxIsEmpty,
            .unclaimed(code: "Q7", centre: "Q7"),
            .scanned(code: "Q7", name: "Q7", centre: "Q7", items: 3),
            .scannedUnclaimed(code: "Q7", centre: "Q7"),
            .scanHint,
            .scanSummary(scans: 3, recorded: 3, claimed: 3, errors: 3),
        ]
    }
}

extension LabelCLIProblem {
    /// One of each case, with sample values.
    public static var samples: [LabelCLIProblem] {
        [
            .badURLBase("Q7"),
            .centreOrCodes,
            .noBoxesAtCentre("Q7"),
            .badErrorCorrection("Q7"),
            .badBlankCount(3),
            .unclaimedCode(code: "Q7", centre: "Q7"),
            .intakeOrHandout,
            .recipientOnlyForHandout,
            .scanLine(3, shoes),
        ]
    }
}

extension MovementLineProblem {
    /// One of each case, with sample values.
    public static var samples: [MovementLineProblem] {
        [
            .badLine("Q7"),
            .lineAndCategory,
            .noLine,
            .categoryWithoutQuantity,
        ]
    }
}

extension MovementLinesNote {
    /// One of each case, with sample values.
    public static var samples: [MovementLinesNote] {
        [
            .recorded(id: 3, kind: .handout, lines: [SaidLine(quantity: 3, category: shoes), SaidLine(quantity: 2, category: shoes)], box: "Q7"),
        ]
    }
}

extension Note {
    /// One of each case, with sample values.
    public static var samples: [Note] {
        [
            .initialised(path: "journal.csv", timeZone: "Q7"),
            .centreAdded(code: "Q7", name: "Q7"),
            .boxAdded(code: "Q7", centre: "Q7"),
            .boxRetired(code: "Q7", holding: 3),
            .categoryAdded(code: "Q7"),
            .aliasAdded(alias: "Q7", category: shoes),
            .recipientAdded(code: "Q7"),
            .recipientRegistered(code: "Q7"),
            .eventAdded(id: 3, name: "Q7", date: day),
            .recorded(id: 3, kind: .handout, quantity: 3, category: shoes, box: "Q7"),
            .transferred(id: 3, quantity: 3, category: shoes, from: "Q7", to: "Q7"),
            .adjusted(id: 3, box: "Q7", category: shoes, from: 3, to: 3),
            .countAgrees(box: "Q7", category: shoes, quantity: 3),
            .historyCut(shown: 3),
            .undone(id: 3, by: 3),
            .nothingFound,
            .checked(movements: 3, lines: 3),
            .backedUp(path: "journal.csv"),
            .restored(from: "Q7", kept: "Q7"),
            .restoredOverDamaged(from: "Q7", kept: "Q7"),
            .restoredAfresh(from: "Q7", path: "journal.csv"),
            .forgotten(code: "Q7", placeholder: "Q7"),
            .written(path: "journal.csv"),
            .targetSet(metric: shoes, value: shoes, from: day, to: day),
            .empty(shoes),
        ]
    }
}

extension LedgerProblem {
    /// One of each case, with sample values.
    public static var samples: [LedgerProblem] {
        [
            .noLines,
            .badQuantity("Q7"),
            .badWeight("Q7"),
            .badDate("Q7"),
            .badTime("Q7"),
            .badMonth("Q7"),
            .boxesDoNotFit(.handout),
            .transferToSameBox,
            .recipientOnlyOnHandout,
            .unknownBox("Q7"),
            .badBoxCode("Q7", .wrongLength(4)),
            .boxRetired("Q7"),
            .eventOnAnotherDay(event: "Q7", held: day, date: day),
            .futureDate(day, today: day),
            .consentNotYet(day, today: day),
            .futureEvent(day, today: day),
            .registrationNotYet(day, today: day),
            .unknownCentre("Q7"),
            .centreExists("Q7"),
            .badCentreCode("Q7"),
            .unknownCategory("Q7"),
            .categoryExists("Q7"),
            .badCategoryCode("Q7"),
            .unknownGroup("Q7"),
            .unknownRecipient("Q7"),
            .recipientExists("Q7"),
            .badRecipientCode("Q7"),
            .badHouseholdSize("Q7"),
            .unknownEvent("Q7"),
            .eventExists("Q7", day),
            .unknownMovement("Q7"),
            .alreadyUndone(3, by: 3),
            .cannotUndoReversal(3),
            .insufficientStock(box: "Q7", category: shoes, available: 3, asked: 3, on: day),
            .undoWouldShort(3, box: "Q7", category: shoes, available: 3, asked: 3, on: day),
            .codeAlreadyIssued("Q7"),
            .codeNotIssued("Q7"),
            .codeAlreadyUsed("Q7"),
            .codesExhausted,
            .badTimeZone("Q7"),
            .badFormat("Q7"),
            .formatAndExtensionDiffer(format: "Q7", path: "journal.csv"),
            .badLanguage("Q7"),
            .alreadyInitialised("Q7"),
            .noDatabase("Q7"),
            .fileInTheWay("Q7"),
            .noSuchFolder("Q7"),
            .noBackup("Q7"),
            .backupIsFolder("Q7"),
            .notABackup("Q7"),
            .periodBackwards(from: day, to: day),
            .badYear("Q7"),
            .badPeriod("Q7"),
            .emptyName(option: "--name"),
            .nameNotOneLine("Q7"),
            .notPositive(option: "--name", value: 3),
            .notDarmarkaDatabase("Q7"),
            .damaged("Q7"),
            .newerDatabase("Q7"),
            .cannotOpen("Q7", "Q7"),
            .databaseBusy("Q7"),
            .contactWithoutConsent,
            .recipientDetailsWithoutRecipient,
            .recipientForgotten("Q7"),
            .recipientDetailsDiffer("Q7"),
            .outputExists("Q7"),
            .outputIsFolder("Q7"),
            .cannotWrite("Q7", "Q7"),
            .invalidArguments("Q7"),
            .unexpected("Q7"),
            .backupFailsCheck("Q7", shoes),
            .checkFailed(3),
            .outputIsLink("Q7", target: "Q7"),
            .outputIsSpecial("Q7", .fifo),
            .cannotWriteOutput("Q7"),
            .staleSharedMemory("Q7"),
            .schemaDamaged("Q7"),
            .textTooLong(what: .note, length: 3, limit: 3),
            .noteHasControlCharacters("Q7"),
            .dateTooEarly("Q7", earliest: day),
            .weightTooLarge("Q7"),
            .codePrintedForAnotherCentre(code: "Q7", printedFor: "Q7", claimedAt: "Q7"),
            .badCondition("Q7"),
            .unknownCommand("Q7", suggestion: "Q7", parent: "darmarka box"),
            .invalidArgumentsOf("Q7", command: "darmarka intake"),
        ] + variants
    }

    /// The cases whose wording has more than one branch, each branch once.
    private static var variants: [LedgerProblem] {
        var codes: [CodeProblem] = [.empty, .invalidCharacter("!"), .wrongCheck(expected: "A")]
        if let a = BoxCode.firstIssuable(from: 1), let b = BoxCode.firstIssuable(from: 500) { codes.append(.severalCodes(a, b)) }
        return codes.map { .badBoxCode("Q7", $0) }
            + [.outputIsSpecial("journal.csv", .device), .outputIsSpecial("journal.csv", .socket),
               .unknownCommand("Q7", suggestion: nil, parent: "darmarka"), .checkFailed(1),
               .textTooLong(what: .name, length: 3, limit: 2), .textTooLong(what: .scannedLine, length: 3, limit: 2)]
    }
}


extension RecipientProblem {
    /// One of each case, with sample values.
    public static var samples: [RecipientProblem] {
        [
            .unknown("Q7", similar: ["Q7", "Z9"]),
            .ambiguous("Q7", candidates: ["Q7", "Z9"]),
        ]
    }
}

extension RecipientCLIProblem {
    /// One of each case, with sample values.
    public static var samples: [RecipientCLIProblem] {
        [
            .unknownOrNew(RecipientProblem.samples[0]),
            .newRecipientWithoutCode,
        ]
    }
}

extension RecipientNote {
    /// One of each case, with sample values.
    public static var samples: [RecipientNote] {
        [
            .newCodes(["Q7", "Z9"], more: 3),
            .sameCode(["Q7", "Z9"]),
        ]
    }
}

extension WorkbookProblem {
    /// One of each case, with sample values.
    public static var samples: [WorkbookProblem] {
        [
            .notWorkbook,
            .damaged(part: "Q7", sheets: ["Q7", "Z9"]),
            .encrypted,
            .noSheet("Q7", sheets: ["Q7", "Z9"]),
            .badCell("Q7", sheets: ["Q7", "Z9"]),
        ]
    }
}

extension LabelError {
    /// One of each case, with sample values.
    public static var samples: [LabelError] {
        [
            .malformedTemplateFile(line: 3, fault: .endsEarly),
            .missingAttribute(element: "Q7", attribute: "Q7", template: "Q7"),
            .badLength(attribute: "Q7", value: "Q7", template: "Q7"),
            .badNumber(attribute: "Q7", value: "Q7", template: "Q7"),
            .unknownPaperSize("Q7", template: "Q7"),
            .noLayout(template: "Q7"),
            .unsupportedShape("Q7", template: "Q7"),
            .unknownEquivalent(template: "Q7", equivalent: "Q7"),
            .templateNotFound("Q7", suggestions: ["Q7", "Z9"]),
            .templateNotFound("Q7", suggestions: []),
            .ambiguousTemplate("Q7", candidates: ["Q7", "Z9"]),
            .negativeSkip(3),
            .skipFillsSheet(skip: 3, labelsPerPage: 3),
            .badCopies(3),
            .labelTooSmall(template: "Q7", modules: 3),
        ]
    }
}

extension XMLFault {
    /// One of each case, with sample values.
    public static var samples: [XMLFault] {
        [
            .unreadable,
            .notXML,
            .endsEarly,
            .unknownEntity,
            .mismatchedTag,
            .other(3),
        ]
    }
}

extension LabelWarning {
    /// One of each case, with sample values.
    public static var samples: [LabelWarning] {
        [
            .smallModules(dotsPerModule: 3, dpi: 3),
            .textDropped("Q7"),
            .textShortened("Q7"),
        ]
    }
}

extension DayPassProblem {
    /// One of each case, with sample values.
    public static var samples: [DayPassProblem] {
        [
            .unknown,
            .expired(until: "2026-11-03 22:00"),
            .revoked,
            .used,
            .badHours("Q7"),
            .noURLBase,
            .badURLBase("Q7"),
            .emptyName,
            .nameNotOneLine,
            .nameTooLong(limit: 3),
            .unknownPass("Q7"),
        ]
    }
}

extension BasketProblem {
    /// One of each case, with sample values.
    public static var samples: [BasketProblem] { [.noCategory] }
}

extension DayPassNote {
    /// One of each case, with sample values.
    public static var samples: [DayPassNote] {
        [
            .created(id: 3, centre: "Q7", until: "2026-11-03 22:00", link: "https://darmarka.example/pass?t=Q7", file: "pass-3.png"),
            .revoked(id: 3),
        ]
    }
}

extension DatabaseLocationProblem {
    /// One of each case, with sample values.
    public static var samples: [DatabaseLocationProblem] {
        [
            .passwordInURL,
            .badURL("Q7"),
            .badPort("Q7"),
            .badTLSMode("Q7"),
            .unknownURLParameter("Q7"),
            .noUser("Q7"),
            .noHost("Q7"),
            .notYetOnPostgres(command: "Q7"),
            .cannotConnect(address: "Q7", reason: .refused),
            .refusedLogin(address: "Q7", user: "Q7"),
            .serverSaid(address: "Q7", message: "Q7"),
            .passFileOpen("Q7"),
        ]
    }
}
