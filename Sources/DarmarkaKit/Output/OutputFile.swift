import DarmarkaCore
import Foundation

/// Files the program writes for people: reports, labels, exports.
public enum OutputFile {
    /// Refuses to overwrite an existing file unless `force`; writes to a
    /// temporary file first and moves it into place, so a failed write never
    /// leaves half a file under the name the user gave.
    public static func write(_ bytes: [UInt8], to path: String, force: Bool) throws {
        let fm = FileManager.default
        if fm.fileExists(atPath: path) && !force { throw LedgerProblem.outputExists(path) }
        let url = URL(fileURLWithPath: path)
        let temporary = url.deletingLastPathComponent().appendingPathComponent(".\(url.lastPathComponent).\(getpid()).tmp")
        do {
            try Data(bytes).write(to: temporary)
            // rename(2) puts the new file in place of an old one in one step.
            // FileManager.replaceItemAt on Linux deleted the old file and then
            // failed, so `--force` lost the file it was to replace.
            if rename(temporary.path, url.path) != 0 {
                let code = errno
                throw NSError(domain: NSPOSIXErrorDomain, code: Int(code),
                              userInfo: [NSLocalizedDescriptionKey: String(cString: strerror(code))])
            }
        } catch {
            try? fm.removeItem(at: temporary)
            throw LedgerProblem.cannotWrite(path, (error as NSError).localizedDescription)
        }
    }

    /// Refuses early, before any work, when the file is there and may not be replaced.
    public static func check(_ path: String, force: Bool) throws {
        if FileManager.default.fileExists(atPath: path) && !force { throw LedgerProblem.outputExists(path) }
    }
}
