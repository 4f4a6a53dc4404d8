import ArgumentParser
import DarmarkaKit
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The one way the command line writes to the terminal.
///
/// `print` loses a failed write (`stock > /dev/full` exited 0 with its
/// output gone), and Foundation's `FileHandle.write` crashes on one inside
/// a `try!`. Here a failed write to standard output ends the command with a
/// one-line message and a non-zero status; a reader that went away
/// (`darmarka history | head`) ends it quietly, as Unix tools end.
enum Console {
    /// Exit status of a command whose reader went away: as if killed by
    /// SIGPIPE, which is what `| head` does to other tools.
    static let closedPipeStatus: Int32 = 128 + SIGPIPE

    /// SIGPIPE would kill the process before a write could say EPIPE.
    static func start() {
        signal(SIGPIPE, SIG_IGN)
    }

    static func out(_ text: String, terminator: String = "\n") {
        written { try StandardOutput.write(text + terminator) }
    }

    static func out(_ bytes: [UInt8]) {
        written { try StandardOutput.write(bytes) }
    }

    /// A message or a progress line on standard error. A failure to write
    /// it has nowhere to be told, and must not stop the work.
    static func err(_ text: String, terminator: String = "\n") {
        StandardError.write(text + terminator)
    }

    private static func written(_ write: () throws -> Void) {
        do {
            try write()
        } catch is StandardOutput.Closed {
            Darmarka.exit(withError: ExitCode(closedPipeStatus))
        } catch let problem as LedgerProblem {
            Context.fail(problem.text(Context.language(arguments: Array(CommandLine.arguments.dropFirst()))),
                         code: "cannotWriteOutput")
        } catch {
            Context.fail("\(error)", code: "cannotWriteOutput")
        }
    }
}
