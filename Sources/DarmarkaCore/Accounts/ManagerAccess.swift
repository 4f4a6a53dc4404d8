/// What a manager or a coordinator asks to do, beyond a volunteer's intake
/// and handout.
public enum ManagerAction: Sendable, Equatable {
    /// Transfer, write-off and stock take at a box, claiming a pre-printed
    /// code as a box, and printing a centre's labels.
    case manage
    /// Read a centre's page: its boxes and their totals.
    case readCentre
    /// Read a report of one centre.
    case readReport
}

extension Access {
    /// Whether `account` may do `action` at the centre `centre`.
    ///
    /// A manager manages only their centres; a volunteer and a viewer manage
    /// nothing. A centre's page and its reports are read by whoever may see
    /// its boxes, except that reports are not a volunteer's.
    public static func allows(_ account: Account, _ action: ManagerAction, centre: String) -> Bool {
        if account.disabled { return false }
        let ownCentre = account.centres.contains { CentreCode.canonical($0) == CentreCode.canonical(centre) }
        switch (account.role, action) {
        case (.coordinator, _): return true
        case (.manager, _): return ownCentre
        case (.volunteer, .readCentre): return ownCentre
        case (.volunteer, _): return false
        case (.viewer, .manage): return false
        case (.viewer, _): return account.centres.isEmpty || ownCentre
        }
    }

    /// Whether `account` may read the report of the whole organisation: a
    /// coordinator, and a viewer not limited to centres (an auditor from the fund).
    public static func readsWholeOrganisation(_ account: Account) -> Bool {
        guard !account.disabled else { return false }
        switch account.role {
        case .coordinator: return true
        case .viewer: return account.centres.isEmpty
        case .manager, .volunteer: return false
        }
    }

    /// Whether `account` may set the grant's targets: a coordinator only.
    public static func setsTargets(_ account: Account) -> Bool {
        !account.disabled && account.role == .coordinator
    }

    /// Whether `account` may import a journal into the ledger: a coordinator only.
    public static func imports(_ account: Account) -> Bool {
        !account.disabled && account.role == .coordinator
    }
}
