/// A day pass: a one-time link that signs one phone in as a volunteer of
/// one centre until it expires, for the casual volunteers of a free-market
/// day who have no account (issue 14).
public struct DayPass: Sendable, Equatable {
    /// Where a pass stands now.
    public enum State: Sendable, Equatable {
        /// Not opened yet: the link still signs a phone in.
        case unused
        /// Opened on a phone by the volunteer of that name.
        case inUse(volunteer: String)
        /// Revoked: the link and its phone's session are refused.
        case revoked
        /// Past its time.
        case expired
    }

    /// The pass's number, for `darmarka user pass revoke N`.
    public var id: RowID
    /// The centre whose volunteer it makes its holder.
    public var centre: String
    /// When it ends, in the organisation's time zone (`2026-11-03 22:00`).
    public var expires: String
    public var state: State

    public init(id: RowID, centre: String, expires: String, state: State) {
        self.id = id; self.centre = centre; self.expires = expires; self.state = state
    }
}

/// The rules of what is typed for a day pass.
public enum DayPassRules {
    /// A pass lasts at most a day and a half: one free-market day with its
    /// setting up and clearing away, never a standing account.
    public static let hours = 1...36
    /// The longest volunteer's name a pass takes: a name, not a note.
    public static let nameLimit = 60

    /// `--hours` as typed.
    public static func hours(_ text: String) throws -> Int {
        guard let h = Int(text.trimmingCharacters(in: .whitespaces)), hours.contains(h) else {
            throw DayPassProblem.badHours(text)
        }
        return h
    }

    /// The name a pass's holder gives, as the ledger's volunteer column keeps it.
    public static func volunteerName(_ text: String) throws -> String {
        let name = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !name.isEmpty else { throw DayPassProblem.emptyName }
        guard !Names.hasControlCharacters(name) else { throw DayPassProblem.nameNotOneLine }
        guard name.count <= nameLimit else { throw DayPassProblem.nameTooLong(limit: nameLimit) }
        return name
    }

    /// The link a pass's QR holds: the site's address and `/pass?t=TOKEN`
    /// (in the query, which a request log leaves out).
    ///
    /// `base` is the server's public address (`serve --url-base`); the base
    /// labels print (`…/b/`) is taken too, so one address serves both.
    public static func link(base: String, token: String) throws -> String {
        var site = base.trimmingCharacters(in: .whitespaces)
        let lower = site.lowercased()
        guard lower.hasPrefix("http://") || lower.hasPrefix("https://"), site.count <= 200,
              !site.unicodeScalars.contains(where: { $0.properties.isWhitespace || $0.value < 0x20 || $0.value == 0x7F }),
              !site.contains("?"), !site.contains("#") else { throw DayPassProblem.badURLBase(base) }
        while site.hasSuffix("/") { site.removeLast() }
        if site.lowercased().hasSuffix("/b") { site.removeLast(2) }
        guard site.split(separator: "/").count >= 2 else { throw DayPassProblem.badURLBase(base) }
        return site + "/pass?t=" + token
    }
}
