import DarmarkaCore
import DarmarkaKit

/// Making a day pass, for `darmarka user pass`: a random one-time token,
/// of which the database keeps only the hash, and the link that opens it
/// on this server (`/pass/TOKEN`).
public enum DayPassIssue {
    /// A new pass for a volunteer of `centre` lasting `hours`, and its link on
    /// the site at `base`. The link is the only copy of the token: print it
    /// or lose it.
    public static func issue(in tx: LedgerTransaction, centre: Centre, hours: Int, base: String) throws -> (pass: DayPass, link: String) {
        let token = Secrets.token()
        // The link is checked before anything is written.
        let link = try DayPassRules.link(base: base, token: token)
        let pass = try tx.addDayPass(tokenHash: Secrets.hashed(token), centre: centre, hours: hours)
        return (pass, link)
    }
}
