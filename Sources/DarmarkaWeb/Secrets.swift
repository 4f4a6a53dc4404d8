import Crypto
import Foundation
import HummingbirdBcrypt

/// Random tokens and password hashes.
public enum Secrets {
    /// A random token of 32 bytes, URL-safe, for session ids, CSRF tokens and idempotency keys.
    static func token() -> String {
        var generator = SystemRandomNumberGenerator()
        let bytes = (0..<32).map { _ in UInt8.random(in: 0...255, using: &generator) }
        return Data(bytes).base64EncodedString()
            .replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_").replacingOccurrences(of: "=", with: "")
    }

    /// What the database keeps of a session id: its SHA-256, so a copy of
    /// the file (a backup) lets no one sign in as anyone.
    static func hashed(_ token: String) -> String {
        SHA256.hash(data: Data(token.utf8)).map { String(format: "%02x", $0) }.joined()
    }

    /// A bcrypt hash of a password. Cost 11 takes about 0.1 s here: slow for a guesser, quick enough for a sign-in.
    public static func hashPassword(_ password: String, cost: UInt8 = 11) -> String {
        Bcrypt.hash(password, cost: cost)
    }

    static func verify(_ password: String, hash: String) -> Bool {
        Bcrypt.verify(password, hash: hash)
    }

    /// Compares two tokens in time that does not depend on where they differ.
    static func same(_ a: String, _ b: String) -> Bool {
        let x = Array(a.utf8), y = Array(b.utf8)
        guard x.count == y.count else { return false }
        var diff: UInt8 = 0
        for i in x.indices { diff |= x[i] ^ y[i] }
        return diff == 0
    }
}
