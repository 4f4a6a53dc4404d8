import Foundation
import Testing
@testable import DarmarkaCore

/// Every message Darmarka can say, in both languages, in one table a
/// translator reviews: `docs/messages.md`. The table is written from the
/// samples in `Text/MessageSamples.swift`; this suite fails when a case has
/// no sample, when a message is missing or untranslated in one language,
/// or when the committed table is not the current wording (it is then
/// rewritten, to be reviewed and committed).
@Suite("Message catalogue")
struct MessageCatalogueTests {
    struct Entry: Equatable {
        var type: String
        var name: String
        var ru: String
        var en: String
    }

    static func rows<T: Localized>(_ type: String, _ samples: [T]) -> [Entry] {
        samples.map { Entry(type: type, name: ErrorJSON.caseName($0), ru: $0.text(.ru), en: $0.text(.en)) }
    }

    /// The names of a domain kind's values, which are words but not messages.
    static func words<T>(_ type: String, _ values: [T], _ phrase: (T) -> Phrase) -> [Entry] {
        values.map { Entry(type: type, name: "\($0)", ru: phrase($0).ru, en: phrase($0).en) }
    }

    static var entries: [Entry] {
        [Entry]()
            + rows("CatalogueWordProblem", CatalogueWordProblem.samples)
            + rows("CorrectionProblem", CorrectionProblem.samples)
            + rows("CorrectionNote", CorrectionNote.samples)
            + rows("Finding", Finding.samples)
            + rows("ImportMessage", ImportMessage.samples)
            + rows("ImportNote", ImportNote.samples)
            + rows("LabelNote", LabelNote.samples)
            + rows("LabelCLIProblem", LabelCLIProblem.samples)
            + rows("MovementLineProblem", MovementLineProblem.samples)
            + rows("MovementLinesNote", MovementLinesNote.samples)
            + rows("Note", Note.samples)
            + rows("LedgerProblem", LedgerProblem.samples)
            + words("BoxKind", BoxKind.allCases, \.phrase) + words("BoxStatus", [BoxStatus.active, .retired], \.phrase)
            + words("Condition", Condition.allCases, \.phrase) + words("Condition.journalWord", Condition.allCases, \.journalWord)
            + words("MovementKind", MovementKind.allCases, \.phrase) + words("AdjustmentSide", AdjustmentSide.allCases, \.phrase)
            + words("Metric", Metric.allCases, \.phrase) + words("LongText", [LongText.name, .note, .scannedLine], \.phrase)
            + words("JournalField", JournalField.allCases, \.headerWords) + words("ReferenceField", ReferenceField.allCases, \.headerWords)
            + words("SpecialFile", [SpecialFile.device, .fifo, .socket], \.phrase)
            + words("SchemaChange", [SchemaChange.missing, .changed, .extra], \.phrase)
            + LedgerProblem.samples.filter { CommandLineHint.hint(for: $0) != nil }.map {
                Entry(type: "LedgerProblem.domain", name: ErrorJSON.caseName($0), ru: $0.domain.ru, en: $0.domain.en)
            }
            + rows("RecipientProblem", RecipientProblem.samples)
            + rows("RecipientCLIProblem", RecipientCLIProblem.samples)
            + rows("RecipientNote", RecipientNote.samples)
            + rows("WorkbookProblem", WorkbookProblem.samples)
            + rows("LabelError", LabelError.samples)
            + rows("XMLFault", XMLFault.samples)
            + rows("LabelWarning", LabelWarning.samples)
            + rows("WebManagerProblem", WebManagerProblem.samples)
            + rows("WebManagerNote", WebManagerNote.samples)
            + rows("DayPassProblem", DayPassProblem.samples)
            + rows("DayPassNote", DayPassNote.samples)
            + rows("BasketProblem", BasketProblem.samples)
            + rows("DatabaseLocationProblem", DatabaseLocationProblem.samples)
            + words("ConnectionReason", [ConnectionReason.refused, .noSuchHost, .noSocket, .timedOut, .tlsFailed, .closed], \.phrase)
            + words("WebVolunteerWord", WebVolunteerWord.allCases, \.phrase)
    }

    @Test func everyCaseHasASample() {
        func check<T>(_ samples: [T], _ ordinal: (T) -> Int, _ count: Int, sourceLocation: SourceLocation = #_sourceLocation) {
            let missing = Set(0..<count).subtracting(samples.map(ordinal))
            #expect(missing.isEmpty, "\(T.self): no sample for case number \(missing.sorted())", sourceLocation: sourceLocation)
        }
        check(CatalogueWordProblem.samples, MessageCases.ordinal, MessageCases.catalogueWordProblemCases)
        check(CorrectionProblem.samples, MessageCases.ordinal, MessageCases.correctionProblemCases)
        check(CorrectionNote.samples, MessageCases.ordinal, MessageCases.correctionNoteCases)
        check(Finding.samples, MessageCases.ordinal, MessageCases.findingCases)
        check(ImportMessage.samples, MessageCases.ordinal, MessageCases.importMessageCases)
        check(ImportNote.samples, MessageCases.ordinal, MessageCases.importNoteCases)
        check(LabelNote.samples, MessageCases.ordinal, MessageCases.labelNoteCases)
        check(LabelCLIProblem.samples, MessageCases.ordinal, MessageCases.labelCLIProblemCases)
        check(MovementLineProblem.samples, MessageCases.ordinal, MessageCases.movementLineProblemCases)
        check(MovementLinesNote.samples, MessageCases.ordinal, MessageCases.movementLinesNoteCases)
        check(Note.samples, MessageCases.ordinal, MessageCases.noteCases)
        check(LedgerProblem.samples, MessageCases.ordinal, MessageCases.ledgerProblemCases)
        check(RecipientProblem.samples, MessageCases.ordinal, MessageCases.recipientProblemCases)
        check(RecipientCLIProblem.samples, MessageCases.ordinal, MessageCases.recipientCLIProblemCases)
        check(RecipientNote.samples, MessageCases.ordinal, MessageCases.recipientNoteCases)
        check(WorkbookProblem.samples, MessageCases.ordinal, MessageCases.workbookProblemCases)
        check(LabelError.samples, MessageCases.ordinal, MessageCases.labelErrorCases)
        check(XMLFault.samples, MessageCases.ordinal, MessageCases.xMLFaultCases)
        check(LabelWarning.samples, MessageCases.ordinal, MessageCases.labelWarningCases)
        check(DayPassProblem.samples, MessageCases.ordinal, MessageCases.dayPassProblemCases)
        check(DayPassNote.samples, MessageCases.ordinal, MessageCases.dayPassNoteCases)
        check(BasketProblem.samples, MessageCases.ordinal, MessageCases.basketProblemCases)
        check(DatabaseLocationProblem.samples, MessageCases.ordinal, MessageCases.databaseLocationProblemCases)
    }

    /// The problems of the command line's own arguments, which no other
    /// front end has: their wording names its commands.
    static let commandLineOnly: Set<String> = ["invalidArguments", "invalidArgumentsOf", "unknownCommand"]

    /// The core says what is wrong; the command line adds which flag or
    /// command to use, so another front end can show the domain wording alone.
    @Test func theDomainWordingNamesNoFlagOrCommand() {
        for problem in LedgerProblem.samples where !Self.commandLineOnly.contains(ErrorJSON.caseName(problem)) {
            for lang in Lang.allCases {
                let text = problem.domain.text(lang)
                #expect(!text.contains("--") && !text.contains("darmarka "), "\(ErrorJSON.caseName(problem)): \(text)")
            }
        }
    }

    /// The command line says each problem as before the split: its hint
    /// goes on from the domain sentence, which stays whole.
    @Test func theCommandLineAddsItsHintToTheDomainWording() {
        #expect(LedgerProblem.unknownBox("B-7K3QX").domain.en == "There is no box “B-7K3QX”.")
        #expect(LedgerProblem.unknownBox("B-7K3QX").text(.en) == "There is no box “B-7K3QX”. See the boxes with: darmarka box list.")
        #expect(LedgerProblem.noLines.text(.ru) == "В движении нет ни одной строки: укажите --category и --quantity.")
        #expect(LedgerProblem.badDate("x").text(.en) == LedgerProblem.badDate("x").domain.en)
    }

    /// Cyrillic words an English message quotes on purpose: the Russian
    /// forms a user may type, and the Russian names of the samples.
    static let russianInEnglish = ["ноябрь", "Обувь", "(бокс)", "(дата)"]

    @Test func everyMessageIsInBothLanguages() {
        func cyrillic(_ text: String) -> Bool { text.unicodeScalars.contains { (0x0400...0x04FF).contains($0.value) } }
        for e in Self.entries {
            let label = "\(e.type).\(e.name)"
            #expect(!e.ru.trimmingCharacters(in: .whitespaces).isEmpty, "\(label): no Russian")
            #expect(!e.en.trimmingCharacters(in: .whitespaces).isEmpty, "\(label): no English")
            var english = e.en
            for word in Self.russianInEnglish { english = english.replacingOccurrences(of: word, with: "") }
            #expect(!cyrillic(english), "\(label): Russian in the English text: \(e.en)")
            #expect(cyrillic(e.ru) || Self.sameInBothLanguages.contains(label), "\(label): no Russian word in: \(e.ru)")
        }
    }

    /// Messages made only of the user's own values, or of codes and numbers.
    static let sameInBothLanguages: Set<String> = []

    @Test func theCatalogueForTranslatorsIsCurrent() throws {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("docs/messages.md")
        let current = Self.markdown(Self.entries)
        let committed = try? String(contentsOf: url, encoding: .utf8)
        if committed != current { try current.write(to: url, atomically: true, encoding: .utf8) }
        #expect(committed == current, "docs/messages.md was out of date and has been rewritten: review and commit it")
    }

    static func markdown(_ entries: [Entry]) -> String {
        func cell(_ text: String) -> String {
            text.replacingOccurrences(of: "|", with: "\\|").replacingOccurrences(of: "\n", with: "<br>")
        }
        var out = """
        # Every message, in Russian and English

        Written by `MessageCatalogueTests` from the samples in
        `Sources/DarmarkaCore/Text/MessageSamples.swift` (sample values such as
        `Q7`, `journal.csv`, `2026-11-03` stand for what a user gave). Do not edit
        by hand: change the wording in `Sources/DarmarkaCore/Text/`, run
        `swift test --filter MessageCatalogueTests` and commit the file it writes.

        | Enum | Case | Русский | English |
        |---|---|---|---|

        """
        for e in entries { out += "| \(e.type) | \(e.name) | \(cell(e.ru)) | \(cell(e.en)) |\n" }
        return out
    }
}

/// Numbers the cases of each message enum, with no `default`: a new case
/// breaks the build here until it is numbered and given a sample.
enum MessageCases {
    static func ordinal(_ m: CatalogueWordProblem) -> Int {
        switch m {
        case .ambiguous: 0
        case .unknown: 1
        }
    }
    static let catalogueWordProblemCases = 2

    static func ordinal(_ m: CorrectionProblem) -> Int {
        switch m {
        case .undone: 0
        case .apart: 1
        case .missingLines: 2
        case .otherMovement: 3
        }
    }
    static let correctionProblemCases = 4

    static func ordinal(_ m: CorrectionNote) -> Int {
        switch m {
        case .count: 0
        case .shown: 1
        case .lineNumber: 2
        case .more: 3
        }
    }
    static let correctionNoteCases = 4

    static func ordinal(_ m: Finding) -> Int {
        switch m {
        case .integrity: 0
        case .foreignKey: 1
        case .balanceDiffers: 2
        case .dayBalanceDiffers: 3
        case .reportTableDiffers: 4
        case .negativeStock: 5
        case .badReversal: 6
        case .notDarmarka: 7
        case .schemaDiffers: 8
        case .recipientKeyStale: 9
        case .sealBroken: 10
        case .noteAltered: 11
        }
    }
    static let findingCases = 12


    static func ordinal(_ m: ImportMessage) -> Int {
        switch m {
        case .emptyFile: 0
        case .unterminatedQuote: 1
        case .fieldTooLong: 2
        case .tooManyFields: 3
        case .headerNotUTF8: 4
        case .missingColumns: 5
        case .duplicateColumn: 6
        case .unknownColumns: 7
        case .readFailed: 8
        case .notUTF8: 9
        case .extraValues: 10
        case .missing: 11
        case .badDate: 12
        case .unknownOperation: 13
        case .adjustmentNotImported: 14
        case .badBox: 15
        case .transferNeedsTargetBox: 16
        case .transferToSameBox: 17
        case .targetBoxOnlyForTransfers: 18
        case .badQuantity: 19
        case .quantityTooLarge: 20
        case .badWeight: 21
        case .weightTooLarge: 22
        case .notOneLine: 23
        case .recipientForgotten: 24
        case .negativeWeight: 25
        case .weightTooPrecise: 26
        case .unknownCondition: 27
        case .onlyForHandouts: 28
        case .unknownBox: 29
        case .boxRetired: 30
        case .futureDate: 31
        case .unknownCategory: 32
        case .unknownGroup: 33
        case .badRecipientCode: 34
        case .insufficientStock: 35
        case .shortLater: 36
        case .movementRowsDiffer: 37
        case .missingReferenceColumns: 38
        case .duplicateReferenceColumn: 39
        case .required: 40
        case .unknownCentre: 41
        case .badCentreCode: 42
        case .badBoxKind: 43
        case .boxElsewhere: 44
        case .codeRepeated: 45
        case .badHousehold: 46
        case .recipientDiffers: 47
        case .badParticipants: 48
        case .eventDiffers: 49
        case .refused: 50
        case .words: 51
        case .recipient: 52
        case .noSuchDate: 53
        case .dateTooEarly: 54
        case .correction: 55
        case .workbook: 56
        }
    }
    static let importMessageCases = 57

    static func ordinal(_ m: ImportNote) -> Int {
        switch m {
        case .sameFile: 0
        case .nothingNew: 1
        case .noRows: 2
        case .imported: 3
        case .registered: 4
        case .referenceImported: 5
        case .refused: 6
        case .moreProblems: 7
        case .progress: 8
        case .unknownColumns: 9
        case .exported: 10
        }
    }
    static let importNoteCases = 11

    static func ordinal(_ m: LabelNote) -> Int {
        switch m {
        case .labelsWritten: 0
        case .blanksIssued: 1
        case .previewWritten: 2
        case .warning: 3
        case .box: 4
        case .boxIsEmpty: 5
        case .unclaimed: 6
        case .scanned: 7
        case .scannedUnclaimed: 8
        case .scanHint: 9
        case .scanSummary: 10
        }
    }
    static let labelNoteCases = 11

    static func ordinal(_ m: LabelCLIProblem) -> Int {
        switch m {
        case .badURLBase: 0
        case .centreOrCodes: 1
        case .noBoxesAtCentre: 2
        case .badErrorCorrection: 3
        case .badBlankCount: 4
        case .unclaimedCode: 5
        case .intakeOrHandout: 6
        case .recipientOnlyForHandout: 7
        case .scanLine: 8
        }
    }
    static let labelCLIProblemCases = 9

    static func ordinal(_ m: MovementLineProblem) -> Int {
        switch m {
        case .badLine: 0
        case .lineAndCategory: 1
        case .noLine: 2
        case .categoryWithoutQuantity: 3
        }
    }
    static let movementLineProblemCases = 4

    static func ordinal(_ m: MovementLinesNote) -> Int {
        switch m {
        case .recorded: 0
        }
    }
    static let movementLinesNoteCases = 1

    static func ordinal(_ m: Note) -> Int {
        switch m {
        case .initialised: 0
        case .centreAdded: 1
        case .boxAdded: 2
        case .boxRetired: 3
        case .categoryAdded: 4
        case .aliasAdded: 5
        case .recipientAdded: 6
        case .recipientRegistered: 7
        case .eventAdded: 8
        case .recorded: 9
        case .transferred: 10
        case .adjusted: 11
        case .countAgrees: 12
        case .historyCut: 13
        case .undone: 14
        case .nothingFound: 15
        case .checked: 16
        case .backedUp: 17
        case .restored: 18
        case .restoredOverDamaged: 19
        case .restoredAfresh: 20
        case .forgotten: 21
        case .written: 22
        case .targetSet: 23
        case .empty: 24
        }
    }
    static let noteCases = 25

    static func ordinal(_ m: LedgerProblem) -> Int {
        switch m {
        case .noLines: 0
        case .badQuantity: 1
        case .badWeight: 2
        case .badDate: 3
        case .badTime: 4
        case .badMonth: 5
        case .boxesDoNotFit: 6
        case .transferToSameBox: 7
        case .recipientOnlyOnHandout: 8
        case .unknownBox: 9
        case .badBoxCode: 10
        case .boxRetired: 11
        case .eventOnAnotherDay: 12
        case .futureDate: 13
        case .consentNotYet: 14
        case .futureEvent: 15
        case .registrationNotYet: 16
        case .unknownCentre: 17
        case .centreExists: 18
        case .badCentreCode: 19
        case .unknownCategory: 20
        case .categoryExists: 21
        case .badCategoryCode: 22
        case .unknownGroup: 23
        case .unknownRecipient: 24
        case .recipientExists: 25
        case .badRecipientCode: 26
        case .badHouseholdSize: 27
        case .unknownEvent: 28
        case .eventExists: 29
        case .unknownMovement: 30
        case .alreadyUndone: 31
        case .cannotUndoReversal: 32
        case .insufficientStock: 33
        case .undoWouldShort: 34
        case .codeAlreadyIssued: 35
        case .codeNotIssued: 36
        case .codeAlreadyUsed: 37
        case .codesExhausted: 38
        case .badTimeZone: 39
        case .badFormat: 40
        case .formatAndExtensionDiffer: 41
        case .badLanguage: 42
        case .alreadyInitialised: 43
        case .noDatabase: 44
        case .fileInTheWay: 45
        case .noSuchFolder: 46
        case .noBackup: 47
        case .backupIsFolder: 48
        case .notABackup: 49
        case .periodBackwards: 50
        case .badYear: 51
        case .badPeriod: 52
        case .emptyName: 53
        case .nameNotOneLine: 54
        case .notPositive: 55
        case .notDarmarkaDatabase: 56
        case .damaged: 57
        case .newerDatabase: 58
        case .cannotOpen: 59
        case .databaseBusy: 60
        case .contactWithoutConsent: 61
        case .recipientDetailsWithoutRecipient: 62
        case .recipientForgotten: 63
        case .recipientDetailsDiffer: 64
        case .outputExists: 65
        case .outputIsFolder: 66
        case .cannotWrite: 67
        case .invalidArguments: 68
        case .unexpected: 69
        case .backupFailsCheck: 70
        case .checkFailed: 71
        case .outputIsLink: 72
        case .outputIsSpecial: 73
        case .cannotWriteOutput: 74
        case .staleSharedMemory: 75
        case .schemaDamaged: 76
        case .textTooLong: 77
        case .noteHasControlCharacters: 78
        case .dateTooEarly: 79
        case .weightTooLarge: 80
        case .codePrintedForAnotherCentre: 81
        case .badCondition: 82
        case .unknownCommand: 83
        case .invalidArgumentsOf: 84
        }
    }
    static let ledgerProblemCases = 85


    static func ordinal(_ m: RecipientProblem) -> Int {
        switch m {
        case .unknown: 0
        case .ambiguous: 1
        }
    }
    static let recipientProblemCases = 2

    static func ordinal(_ m: RecipientCLIProblem) -> Int {
        switch m {
        case .unknownOrNew: 0
        case .newRecipientWithoutCode: 1
        }
    }
    static let recipientCLIProblemCases = 2

    static func ordinal(_ m: RecipientNote) -> Int {
        switch m {
        case .newCodes: 0
        case .sameCode: 1
        }
    }
    static let recipientNoteCases = 2

    static func ordinal(_ m: WorkbookProblem) -> Int {
        switch m {
        case .notWorkbook: 0
        case .damaged: 1
        case .encrypted: 2
        case .noSheet: 3
        case .badCell: 4
        }
    }
    static let workbookProblemCases = 5

    static func ordinal(_ m: LabelError) -> Int {
        switch m {
        case .malformedTemplateFile: 0
        case .missingAttribute: 1
        case .badLength: 2
        case .badNumber: 3
        case .unknownPaperSize: 4
        case .noLayout: 5
        case .unsupportedShape: 6
        case .unknownEquivalent: 7
        case .templateNotFound: 8
        case .ambiguousTemplate: 9
        case .negativeSkip: 10
        case .skipFillsSheet: 11
        case .badCopies: 12
        case .labelTooSmall: 13
        }
    }
    static let labelErrorCases = 14

    static func ordinal(_ m: XMLFault) -> Int {
        switch m {
        case .unreadable: 0
        case .notXML: 1
        case .endsEarly: 2
        case .unknownEntity: 3
        case .mismatchedTag: 4
        case .other: 5
        }
    }
    static let xMLFaultCases = 6

    static func ordinal(_ m: LabelWarning) -> Int {
        switch m {
        case .smallModules: 0
        case .textDropped: 1
        case .textShortened: 2
        }
    }
    static let labelWarningCases = 3

    static func ordinal(_ m: DayPassProblem) -> Int {
        switch m {
        case .unknown: 0
        case .expired: 1
        case .revoked: 2
        case .used: 3
        case .badHours: 4
        case .noURLBase: 5
        case .badURLBase: 6
        case .emptyName: 7
        case .nameNotOneLine: 8
        case .nameTooLong: 9
        case .unknownPass: 10
        }
    }
    static let dayPassProblemCases = 11

    static func ordinal(_ m: DayPassNote) -> Int {
        switch m {
        case .created: 0
        case .revoked: 1
        }
    }
    static let dayPassNoteCases = 2

    static func ordinal(_ m: BasketProblem) -> Int {
        switch m {
        case .noCategory: 0
        }
    }
    static let basketProblemCases = 1

    static func ordinal(_ m: DatabaseLocationProblem) -> Int {
        switch m {
        case .passwordInURL: 0
        case .badURL: 1
        case .badPort: 2
        case .badTLSMode: 3
        case .unknownURLParameter: 4
        case .noUser: 5
        case .noHost: 6
        case .notYetOnPostgres: 7
        case .cannotConnect: 8
        case .refusedLogin: 9
        case .serverSaid: 10
        case .passFileOpen: 11
        }
    }
    static let databaseLocationProblemCases = 12
}
