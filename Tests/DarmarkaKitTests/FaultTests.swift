import Foundation
import GRDB
import Testing
@testable import DarmarkaKit

/// Faults a real machine has, made for real: a full `tmpfs`, `/dev/full`,
/// a read-only mount, a FIFO, a symbolic link, a truncated file. Mounting
/// needs root, which CI has; elsewhere those tests say why they skip.
@Suite("Faults a real machine has", .serialized)
struct FaultTests {
    static let isRoot = getuid() == 0
    static let nobodyCanRunTheBinary = isRoot && ((try? shell("runuser -u nobody -- test -x '\(CLI.binary.path)'")) == 0)

    /// A folder on a `tmpfs` of `kilobytes`, filled to the brim when `full`,
    /// unmounted afterwards whatever happens.
    static func withDisk<T>(kilobytes: Int = 64, full: Bool = true, readOnly: Bool = false,
                            _ body: (String) throws -> T) throws -> T {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("darmarka-disk-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        try shell("mount -t tmpfs -o size=\(kilobytes)k tmpfs '\(dir)'")
        defer { _ = try? shell("umount '\(dir)'"); try? FileManager.default.removeItem(atPath: dir) }
        if full { _ = try? shell("dd if=/dev/zero of='\(dir)/fill' bs=4k count=100000 2>/dev/null") }
        return try body(dir)
    }

    @discardableResult
    static func shell(_ command: String) throws -> Int32 {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/bin/bash")
        p.arguments = ["-c", command]
        try p.run()
        p.waitUntilExit()
        return p.terminationStatus
    }

    static func issuedCodes(_ cli: CLI) throws -> Int {
        try DatabaseQueue(path: cli.database).read { try Int.fetchOne($0, sql: "SELECT COUNT(*) FROM issued_code") ?? -1 }
    }

    @Test(.enabled(if: isRoot, "mounting a full tmpfs needs root"))
    func labelsOnAFullDiskFailAndIssueNoCodes() throws {
        let (cli, _, _) = try CLI.withDemo()
        let before = try Self.issuedCodes(cli)
        try Self.withDisk { dir in
            for ext in ["pdf", "png", "svg"] {
                let r = try cli.run(["labels", "blank", "--centre", "PRE", "--count", "5", "--template", "L7160",
                                     "--output", "\(dir)/blank.\(ext)"])
                #expect(r.status != 0, "\(ext)")
                #expect(r.stderr.contains("на диске нет места"), "\(ext): \(r.stderr)")
                #expect(!r.stdout.contains("Готово"))
                #expect(!FileManager.default.fileExists(atPath: "\(dir)/blank.\(ext)"))
            }
            let boxes = try cli.run(["labels", "boxes", "--centre", "PRE", "--template", "L7160", "--output", "\(dir)/boxes.pdf"])
            #expect(boxes.status != 0 && boxes.stderr.contains("на диске нет места"), "\(boxes.stderr)")
            let left = try FileManager.default.contentsOfDirectory(atPath: dir).filter { $0 != "fill" }
            #expect(left == [], "nothing half-written is left: \(left)")
        }
        #expect(try Self.issuedCodes(cli) == before, "a failed print uses up no codes")
    }

    @Test(.enabled(if: isRoot, "mounting a full tmpfs needs root"))
    func reportsBackupsAndExportsOnAFullDiskSaySo() throws {
        let (cli, pre, _) = try CLI.withDemo()
        try cli.run(["intake", "--box", pre, "--category", "shoes", "--quantity", "3"])
        try Self.withDisk { dir in
            for args in [["backup", "\(dir)/copy.sqlite"],
                         ["report", "monthly", "--month", "2026-11", "--output", "\(dir)/r.pdf"],
                         ["export", "journal", "--output", "\(dir)/j.csv"]] {
                let r = try cli.run(args)
                #expect(r.status != 0, "\(args)")
                #expect(r.stderr.contains("на диске нет места"), "\(args): \(r.stderr)")
                #expect(!r.stderr.contains("сообщите") && !r.stderr.contains("not an error"))
            }
            let left = try FileManager.default.contentsOfDirectory(atPath: dir).filter { $0 != "fill" }
            #expect(left == [])
        }
    }

    @Test func outputNeverReplacesALinkADeviceOrAFIFO() throws {
        let (cli, _, _) = try CLI.withDemo()
        let dir = URL(fileURLWithPath: cli.database).deletingLastPathComponent().path
        let target = "\(dir)/target.txt"
        try "keep me".write(toFile: target, atomically: true, encoding: .utf8)
        try FileManager.default.createSymbolicLink(atPath: "\(dir)/link.sqlite", withDestinationPath: target)
        try FileManager.default.createSymbolicLink(atPath: "\(dir)/dangling.pdf", withDestinationPath: "\(dir)/nowhere.pdf")
        #expect(mkfifo("\(dir)/fifo.sqlite", 0o600) == 0)
        let cases: [([String], String)] = [
            (["backup", "\(dir)/link.sqlite", "--force"], "символическая ссылка на \(target)"),
            (["backup", "\(dir)/link.sqlite"], "символическая ссылка"),
            (["labels", "boxes", "--centre", "PRE", "--template", "L7160", "--output", "\(dir)/dangling.pdf"], "символическая ссылка на \(dir)/nowhere.pdf"),
            (["backup", "\(dir)/fifo.sqlite", "--force"], "именованный канал"),
            (["backup", "/dev/null", "--force"], "устройство"),
            (["labels", "boxes", "--centre", "PRE", "--template", "L7160", "--output", "/dev/null", "--force"], "устройство"),
            (["labels", "boxes", "--centre", "PRE", "--template", "L7160", "--output", dir], "папка"),
            (["report", "monthly", "--month", "2026-11", "--output", "\(dir)/link.sqlite", "--force", "--format", "csv"], "символическая ссылка"),
        ]
        for (args, words) in cases {
            let r = try cli.run(args)
            #expect(r.status != 0, "\(args)")
            #expect(r.stderr.contains(words), "\(args): \(r.stderr)")
        }
        #expect(try String(contentsOfFile: target, encoding: .utf8) == "keep me")
        let link = try FileManager.default.attributesOfItem(atPath: "\(dir)/link.sqlite")[.type] as? FileAttributeType
        #expect(link == .typeSymbolicLink)
        #expect(!FileManager.default.fileExists(atPath: "\(dir)/nowhere.pdf"))
        var info = stat()
        #expect(lstat("\(dir)/fifo.sqlite", &info) == 0 && info.st_mode & S_IFMT == S_IFIFO)
        var null = stat()
        #expect(stat("/dev/null", &null) == 0 && null.st_mode & S_IFMT == S_IFCHR)
    }

    @Test func restoreWorksExactlyWhenTheDatabaseIsDamaged() throws {
        let (cli, pre, _) = try CLI.withDemo()
        try cli.run(["intake", "--box", pre, "--category", "shoes", "--quantity", "3"])
        let dir = URL(fileURLWithPath: cli.database).deletingLastPathComponent().path
        try cli.run(["backup", "\(dir)/copy.sqlite"])
        try cli.run(["intake", "--box", pre, "--category", "shoes", "--quantity", "4"])
        let damagedBytes = try Data(contentsOf: URL(fileURLWithPath: cli.database)).prefix(8192)
        try DatabaseQueue(path: cli.database).writeWithoutTransaction { try $0.execute(sql: "PRAGMA wal_checkpoint(TRUNCATE)") }
        try damagedBytes.write(to: URL(fileURLWithPath: cli.database))
        let broken = try cli.run(["stock"])
        #expect(broken.status != 0 && broken.stderr.contains("повреждён"))

        let r = try cli.run(["restore", "\(dir)/copy.sqlite"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("проверена") && r.stdout.contains("Повреждённый файл не удалён"), "\(r.stdout)")
        let kept = try FileManager.default.contentsOfDirectory(atPath: dir).filter { $0.hasPrefix("cli.sqlite.before-restore-") && !$0.hasSuffix("-wal") && !$0.hasSuffix("-shm") }
        #expect(kept.count == 1)
        #expect(try Data(contentsOf: URL(fileURLWithPath: "\(dir)/\(kept[0])")) == damagedBytes, "the damaged file is kept as it was")
        #expect(try cli.run(["check"]).status == 0)
        let stock = try cli.run(["stock", "--format", "json"])
        #expect(stock.stdout.contains("\"quantity\": 3"), "\(stock.stdout)")
        // The restored file is the working database again: WAL, owner-only.
        #expect(try DatabaseQueue(path: cli.database).read { try String.fetchOne($0, sql: "PRAGMA journal_mode") } == "wal")
        #expect((try FileManager.default.attributesOfItem(atPath: cli.database)[.posixPermissions] as? NSNumber)?.intValue == 0o600)
    }

    @Test func restoreOntoNoDatabaseMakesIt() throws {
        let (cli, _, _) = try CLI.withDemo()
        let dir = URL(fileURLWithPath: cli.database).deletingLastPathComponent().path
        try cli.run(["backup", "\(dir)/copy.sqlite"])
        let fresh = CLI(database: "\(dir)/new-laptop.sqlite")
        let r = try fresh.run(["restore", "\(dir)/copy.sqlite"])
        #expect(r.status == 0 && r.stdout.contains("создана из копии"), "\(r.stderr)")
        #expect(try fresh.run(["centre", "list"]).stdout.contains("MAT"))
    }

    @Test(.enabled(if: isRoot, "a read-only mount needs root"))
    func backupsOpenAndRestoreFromAReadOnlyFolder() throws {
        let (cli, pre, _) = try CLI.withDemo()
        try cli.run(["intake", "--box", pre, "--category", "shoes", "--quantity", "3"])
        try Self.withDisk(kilobytes: 4096, full: false) { stick in
            let b = try cli.run(["backup", "\(stick)/copy.sqlite"])
            #expect(b.status == 0, "\(b.stderr)")
            #expect(try FileManager.default.contentsOfDirectory(atPath: stick) == ["copy.sqlite"], "one self-contained file")
            #expect(try Self.shell("mount -o remount,ro '\(stick)'") == 0)
            let other = CLI(database: "\(stick)/copy.sqlite")
            let read = try other.run(["stock", "--format", "json"])
            #expect(read.status == 0 && read.stdout.contains("\"quantity\": 3"), "\(read.stderr)")
            try cli.run(["intake", "--box", pre, "--category", "shoes", "--quantity", "1"])
            let r = try cli.run(["restore", "\(stick)/copy.sqlite"])
            #expect(r.status == 0, "\(r.stderr)")
            #expect(try FileManager.default.contentsOfDirectory(atPath: stick) == ["copy.sqlite"], "nothing made beside it")
        }
        #expect(try cli.run(["stock", "--format", "json"]).stdout.contains("\"quantity\": 3"))
    }

    /// A `-shm` left by another user (root at a backup, say) turns the
    /// database read-only for its owner: the message names the file to remove.
    @Test(.enabled(if: isRoot, "playing two users needs root"),
          .enabled(if: nobodyCanRunTheBinary, "user nobody cannot reach the built binary (a checkout under /root?)"))
    func aStaleSharedMemoryFileIsNamed() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("darmarka-shm-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        #expect(try Self.shell("chown nobody '\(dir)'") == 0)
        let asNobody = "runuser -u nobody -- env DARMARKA_DB='\(dir)/d.sqlite' LANG=ru_RU.UTF-8 '\(CLI.binary.path)'"
        #expect(try Self.shell("\(asNobody) init >/dev/null && \(asNobody) centre add --code PRE --name П >/dev/null") == 0)
        let shm = "\(dir)/d.sqlite-shm"
        #expect(try Self.shell("head -c 32768 /dev/zero > '\(shm)' && chmod 644 '\(shm)'") == 0)
        #expect(try Self.shell("\(asNobody) centre add --code MAT --name М 2> '\(dir)/err.txt'") == 1)
        let said = try String(contentsOfFile: "\(dir)/err.txt", encoding: .utf8)
        #expect(said.contains("удалите \(shm)"), "\(said)")
        try FileManager.default.removeItem(atPath: shm)
        #expect(try Self.shell("\(asNobody) centre add --code MAT --name М >/dev/null") == 0, "removing it is the way out")
    }

    @Test func insertOrReplaceCannotRewriteTheLedger() throws {
        let (cli, pre, _) = try CLI.withDemo()
        try cli.run(["intake", "--box", pre, "--category", "shoes", "--quantity", "3", "--note", "настоящая"])
        let queue = try DatabaseQueue(path: cli.database)
        #expect(throws: DatabaseError.self) {
            try queue.write { try $0.execute(sql: "INSERT OR REPLACE INTO movement(id, kind, occurred_on, recorded_at, to_box_id, seal) SELECT id, kind, '2020-01-01', recorded_at, to_box_id, seal FROM movement WHERE id = 1") }
        }
        #expect(throws: DatabaseError.self) {
            try queue.write { try $0.execute(sql: "INSERT OR REPLACE INTO movement_line(movement_id, line, category_id, quantity) VALUES (1, 1, 1, 300)") }
        }
        #expect(try queue.read { try String.fetchOne($0, sql: "SELECT note FROM movement_note WHERE movement_id = 1") } == "настоящая")
        #expect(throws: DatabaseError.self) {
            try queue.write { try $0.execute(sql: "INSERT OR REPLACE INTO movement_note(movement_id, salt, note, digest) SELECT movement_id, salt, 'подделка', digest FROM movement_note") }
        }
        #expect(throws: DatabaseError.self) {
            try queue.write { try $0.execute(sql: "UPDATE movement_note SET note = 'подделка'") }
        }
        #expect(try queue.read { try Int.fetchOne($0, sql: "SELECT quantity FROM movement_line WHERE movement_id = 1") } == 3)
        #expect(try cli.run(["check"]).status == 0)
    }

    @Test func aDroppedTriggerIsFoundAndStopsEveryWrite() throws {
        let (cli, pre, _) = try CLI.withDemo()
        try cli.run(["intake", "--box", pre, "--category", "shoes", "--quantity", "3"])
        try DatabaseQueue(path: cli.database).write { try $0.execute(sql: "DROP TRIGGER movement_is_never_deleted") }
        let check = try cli.run(["check"])
        #expect(check.status != 0)
        #expect(check.stdout.contains("movement_is_never_deleted"), "\(check.stdout)")
        let write = try cli.run(["intake", "--box", pre, "--category", "shoes", "--quantity", "1"])
        #expect(write.status != 0 && write.stderr.contains("darmarka check") && write.stderr.contains("darmarka restore"))
        let queue = try DatabaseQueue(path: cli.database)
        #expect(try queue.read { try Int.fetchOne($0, sql: "SELECT COUNT(*) FROM movement") } == 1)

        // writable_schema: a trigger narrowed in place (it guards one column
        // only), its name kept.
        try queue.writeWithoutTransaction { db in
            try db.execute(sql: "PRAGMA writable_schema = ON")
            try db.execute(sql: "UPDATE sqlite_master SET sql = replace(sql, 'BEFORE UPDATE ON movement', 'BEFORE UPDATE OF reverses_id ON movement') WHERE name = 'movement_is_append_only'")
            try db.execute(sql: "PRAGMA writable_schema = OFF")
        }
        let again = try cli.run(["check"])
        #expect(again.stdout.contains("movement_is_append_only"), "\(again.stdout)")
    }
}

/// Inputs with no end, and text that could harm whoever reads it.
@Suite("Big and harmful inputs")
struct HarmfulInputTests {
    @Test func aScannedLineWithNoEndIsCappedInBoundedMemory() throws {
        let (cli, pre, _) = try CLI.withDemo()
        let dir = URL(fileURLWithPath: cli.database).deletingLastPathComponent().path
        let big = "\(dir)/big.txt"
        // 50 MB without a newline, then a real code on its own line.
        #expect(try FaultTests.shell("head -c 50000000 /dev/zero | tr '\\0' A > '\(big)'; printf '\\n%s\\n' '\(pre)' >> '\(big)'") == 0)
        let out = "\(dir)/out.txt"
        // readLine() grew past a gigabyte here; 1 GB of address space is plenty for a bounded reader.
        let status = try FaultTests.shell("ulimit -v 1000000; DARMARKA_DB='\(cli.database)' LANG=ru_RU.UTF-8 '\(CLI.binary.path)' scan < '\(big)' > '\(out)' 2>&1")
        let text = try String(contentsOfFile: out, encoding: .utf8)
        #expect(status == 1, "\(text)")
        #expect(text.contains("строка 1: Отсканированная строка длиной 50\u{A0}000\u{A0}000 знаков слишком длинная: можно не больше 4\u{A0}096"), "\(text)")
        #expect(text.contains(pre), "the line after it is still read: \(text)")
    }

    @Test func namesAndNotesAreBounded() throws {
        let (cli, pre, _) = try CLI.withDemo()
        let long = String(repeating: "я", count: 60_000) // 120 KB: under the kernel's limit on one argument
        let name = try cli.run(["centre", "add", "--code", "XX", "--name", long])
        #expect(name.status != 0 && name.stderr.contains("Название длиной 60\u{A0}000 знаков слишком длинное: можно не больше 200"), "\(name.stderr.prefix(300))")
        let note = try cli.run(["intake", "--box", pre, "--category", "shoes", "--quantity", "1", "--note", String(repeating: "n", count: 2001)])
        #expect(note.status != 0 && note.stderr.contains("не больше 2\u{A0}000"))
        #expect(note.stderr.count < 400, "the message does not echo the whole text")
        #expect(try cli.run(["check", "--format", "json"]).stdout.contains("\"movements\": 0"))
    }

    @Test func controlCharactersInNotesAreRefusedAndLineBreaksShownAsArrows() throws {
        let (cli, pre, _) = try CLI.withDemo()
        // (A NUL byte cannot be in an argument at all; the importer meets it.)
        for bad in ["красный \u{1B}[31mтекст", "звонок\u{7}", "таб\tуляция"] {
            let r = try cli.run(["intake", "--box", pre, "--category", "shoes", "--quantity", "1", "--note", bad])
            #expect(r.status != 0 && r.stderr.contains("управляющие символы"), "\(r.stderr)")
            #expect(!r.stderr.unicodeScalars.contains { $0 != "\n" && $0.properties.generalCategory == .control }, "no raw control byte echoed")
        }
        let ok = try cli.run(["intake", "--box", pre, "--category", "shoes", "--quantity", "1", "--note", "первая\nвторая"])
        #expect(ok.status == 0, "\(ok.stderr)")
        let history = try cli.run(["history"])
        #expect(history.stdout.contains("первая↵вторая"), "\(history.stdout)")
        #expect(try cli.run(["check", "--format", "json"]).stdout.contains("\"movements\": 1"))
    }
}

/// Standard output that fills up or goes away.
@Suite("Standard output")
struct StandardOutputTests {
    @Test func aFullStandardOutputIsAnErrorForEveryCommand() throws {
        let (cli, pre, _) = try CLI.withDemo()
        try cli.run(["intake", "--box", pre, "--category", "shoes", "--quantity", "3"])
        let commands = ["report monthly --month 2026-11", "report monthly --month 2026-11 --format csv", "stock", "history",
                        "check", "centre list", "box list", "category list", "recipient list", "resolve \(pre)",
                        "labels templates", "export journal", "stock --format json"]
        for command in commands {
            let out = URL(fileURLWithPath: cli.database).deletingLastPathComponent().appendingPathComponent("err.txt").path
            let status = try FaultTests.shell("DARMARKA_DB='\(cli.database)' LANG=ru_RU.UTF-8 '\(CLI.binary.path)' \(command) > /dev/full 2> '\(out)'")
            let said = try String(contentsOfFile: out, encoding: .utf8)
            #expect(status == 1, "\(command): \(status) \(said)")
            let message = "Не удалось вывести результат: на диске нет места. Освободите место или укажите другой файл."
            #expect(said == (command.contains("json") ? "{\"error\": {\"code\": \"cannotWriteOutput\", \"message\": \"\(message)\"}}\n"
                                                      : "darmarka: \(message)\n"), "\(command): \(said)")
        }
    }

    @Test func aReaderThatGoesAwayEndsTheCommandQuietly() throws {
        let (cli, pre, _) = try CLI.withDemo()
        try cli.importIntakes(3000, into: pre, days: 20)
        let dir = URL(fileURLWithPath: cli.database).deletingLastPathComponent().path
        for command in ["history --from 2026-11-01 --to 2026-11-30", "labels templates", "export journal"] {
            // `head -c 1` reads one byte and leaves: everything after meets a closed pipe.
            let status = try FaultTests.shell("""
                DARMARKA_DB='\(cli.database)' LANG=ru_RU.UTF-8 '\(CLI.binary.path)' \(command) 2> '\(dir)/err.txt' | head -c 1 > /dev/null
                exit ${PIPESTATUS[0]}
                """)
            let said = try String(contentsOfFile: "\(dir)/err.txt", encoding: .utf8)
            #expect(said == "", "\(command): \(said)")
            #expect(status == 141 || status == 0, "\(command): \(status)")
        }
    }
}

/// Messages that say what is wrong: a negative count is out of range, not
/// a missing value; a date before 2000 is one rule everywhere.
@Suite("Out of range")
struct OutOfRangeTests {
    @Test func negativeNumbersAreOutOfRangeNotMissing() throws {
        let (cli, pre, _) = try CLI.withDemo()
        try cli.run(["intake", "--box", pre, "--category", "shoes", "--quantity", "3"])
        let dir = URL(fileURLWithPath: cli.database).deletingLastPathComponent().path
        let cases: [([String], String)] = [
            (["history", "--limit", "-1"], "--limit — число от 1, а здесь -1"),
            (["box", "show", pre, "--last", "-2"], "--last — число от 1, а здесь -2"),
            (["handout", "--box", pre, "--category", "shoes", "--quantity", "1", "--recipient", "ТД-001", "--new-recipient", "--household", "-1"], "от 1 до 50, а не «-1»"),
            (["recipient", "add", "ТД-002", "--household", "-3"], "от 1 до 50, а не «-3»"),
            (["labels", "boxes", "--centre", "PRE", "--template", "L7160", "--output", "\(dir)/l.pdf", "--copies", "-1"], "от 1 до 1000, а не -1"),
            (["labels", "boxes", "--centre", "PRE", "--template", "L7160", "--output", "\(dir)/l.pdf", "--skip", "-1"], "не может быть отрицательным (-1)"),
            (["labels", "blank", "--centre", "PRE", "--template", "L7160", "--output", "\(dir)/l.pdf", "--count", "-3"], "от 1 до 2000, а не -3"),
        ]
        for (args, words) in cases {
            let r = try cli.run(args)
            #expect(r.status != 0, "\(args)")
            #expect(r.stderr.contains(words) && !r.stderr.contains("не указано значение"), "\(args): \(r.stderr)")
        }
    }

    @Test func theEarliestDateIsOneRuleEverywhere() throws {
        let (cli, pre, _) = try CLI.withDemo()
        for date in ["1800-01-01", "1900-01-01", "31.12.1999", "03.11.99"] {
            let r = try cli.run(["intake", "--box", pre, "--category", "shoes", "--quantity", "1", "--date", date])
            #expect(r.status != 0 && r.stderr.contains("Дата «\(date)» раньше 2000 года — наверное, опечатка в годе"), "\(date): \(r.stderr)")
            let e = try cli.run(["event", "add", "--name", "Дармарка", "--centre", "PRE", "--date", date])
            #expect(e.status != 0 && e.stderr.contains("раньше 2000 года"), "\(date): \(e.stderr)")
        }
        #expect(try cli.run(["intake", "--box", pre, "--category", "shoes", "--quantity", "1", "--date", "2000-01-01"]).status == 0)
        let journal = URL(fileURLWithPath: cli.database).deletingLastPathComponent().appendingPathComponent("old.csv").path
        try "date,operation,box,category,quantity\n1900-01-01,intake,\(pre),shoes,1\n31.02.2026,intake,\(pre),shoes,1\n".write(toFile: journal, atomically: true, encoding: .utf8)
        let r = try cli.run(["import", journal])
        #expect(r.status != 0)
        #expect(r.stderr.contains("old.csv:2: ") && r.stderr.contains("дата «1900-01-01» раньше 2000 года"), "\(r.stderr)")
        #expect(r.stderr.contains("old.csv:3: ") && r.stderr.contains("такой даты нет"), "\(r.stderr)")
    }
}

/// Text a spreadsheet would run, and bytes a terminal would obey.
@Suite("Spreadsheet and terminal safety")
struct SpreadsheetSafetyTests {
    @Test func formulaLikeTextIsNeutralisedInEveryExportAndReadsBackUnchanged() throws {
        let (cli, pre, _) = try CLI.withDemo()
        let dir = URL(fileURLWithPath: cli.database).deletingLastPathComponent().path
        let note = "=HYPERLINK(\"http://example.invalid\";\"Нажмите\")"
        let r = try cli.run(["intake", "--box", pre, "--category", "shoes", "--quantity", "3", "--note", note, "--volunteer", "@анна"])
        #expect(r.status == 0, "\(r.stderr)")

        try cli.run(["export", "boxes", "--output", "\(dir)/boxes.csv"])
        try cli.run(["export", "journal", "--output", "\(dir)/j.csv"])
        try cli.run(["export", "journal", "--excel", "--output", "\(dir)/je.csv"])
        try cli.run(["export", "journal", "--format", "xlsx", "--output", "\(dir)/j.xlsx"])
        for file in ["j.csv", "je.csv"] {
            let text = try String(contentsOfFile: "\(dir)/\(file)", encoding: .utf8)
            #expect(text.contains("'=HYPERLINK") && text.contains("'@анна"), "\(file): \(text)")
            for cell in text.split(whereSeparator: { $0 == "," || $0 == ";" || $0 == "\n" }) {
                let bare = cell.hasPrefix("\"") ? cell.dropFirst() : cell[...]
                #expect(!["=", "+", "@"].contains(bare.first), "\(file): a cell starts a formula: \(cell)")
            }
        }
        let listing = try cli.run(["history", "--format", "csv"]).stdout
        #expect(listing.contains("'=HYPERLINK"), "\(listing)")
        #expect(try cli.run(["history", "--format", "csv", "--excel"]).stdout.contains("'=HYPERLINK"))
        #expect(try cli.run(["history", "--format", "json"]).stdout.contains("\"=HYPERLINK"), "JSON keeps the text as it is")

        for file in ["j.csv", "je.csv", "j.xlsx"] {
            let fresh = CLI(database: "\(dir)/fresh-\(file).sqlite")
            try fresh.run(["init"])
            try fresh.run(["centre", "add", "--code", "PRE", "--name", "П"])
            try fresh.run(["import", "--kind", "boxes", "\(dir)/boxes.csv"])
            let imported = try fresh.run(["import", "\(dir)/\(file)"])
            #expect(imported.status == 0, "\(file): \(imported.stderr)")
            let back = try fresh.run(["history", "--format", "json"]).stdout
            #expect(back.contains(JSONText.string(note)) && back.contains("\"@анна\""), "\(file): \(back)")
        }
    }

    @Test func aJournalNoteWithANULOrAnEscapeIsARowProblem() throws {
        let (cli, pre, _) = try CLI.withDemo()
        let dir = URL(fileURLWithPath: cli.database).deletingLastPathComponent().path
        let journal = "date,operation,box,category,quantity,note\n2026-11-02,intake,\(pre),shoes,1,до\u{0}после\n2026-11-02,intake,\(pre),shoes,1,\u{1B}[2Jочистка\n"
        try Data(journal.utf8).write(to: URL(fileURLWithPath: "\(dir)/bad.csv"))
        let r = try cli.run(["import", "\(dir)/bad.csv"])
        #expect(r.status != 0)
        #expect(r.stderr.contains("bad.csv:2: ") && r.stderr.contains("bad.csv:3: ") && r.stderr.contains("управляющие символы"), "\(r.stderr)")
        #expect(!r.stderr.unicodeScalars.contains { $0 != "\n" && $0.properties.generalCategory == .control }, "no raw control byte echoed")
        #expect(try cli.run(["check", "--format", "json"]).stdout.contains("\"movements\": 0"))
    }
}
