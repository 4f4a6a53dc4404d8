import Foundation

extension Error {
    /// The system's own reason for a failed file operation (`strerror`'s
    /// words, which `SystemReasons` has in both languages) when the error
    /// carries an errno, else Foundation's description.
    var systemReason: String {
        let error = self as NSError
        if error.domain == NSPOSIXErrorDomain { return String(cString: strerror(Int32(error.code))) }
        if let underlying = error.userInfo[NSUnderlyingErrorKey] as? NSError, underlying.domain == NSPOSIXErrorDomain {
            return String(cString: strerror(Int32(underlying.code)))
        }
        return error.localizedDescription
    }
}
