/// What a person signed in to `darmarka serve` may do.
public enum Role: String, CaseIterable, Sendable {
    /// Everything, at every centre, including users.
    case coordinator
    /// Boxes, labels, transfers, write-offs and counts at their centres (and what a volunteer does).
    case manager
    /// Intake, handout and stock at their centres.
    case volunteer
    /// Reads stock and reports, writes nothing: an auditor from the fund.
    case viewer

    /// The role as typed on the command line, in either language.
    public static func parse(_ text: String) -> Role? {
        switch TextKey.normalise(text) {
        case "coordinator", "координатор": .coordinator
        case "manager", "менеджер", "руководитель": .manager
        case "volunteer", "волонтер": .volunteer
        case "viewer", "наблюдатель", "аудитор": .viewer
        default: nil
        }
    }
}

/// A user of the web app: who they are and where they may act.
public struct Account: Sendable, Equatable {
    public var id: RowID
    public var login: String
    public var role: Role
    /// Codes of the centres the user works at; a coordinator's are all.
    public var centres: [String]
    public var disabled: Bool
    /// The language the user chose for pages, when they chose one.
    public var lang: Lang?

    public init(id: RowID, login: String, role: Role, centres: [String], disabled: Bool, lang: Lang? = nil) {
        self.id = id; self.login = login; self.role = role; self.centres = centres; self.disabled = disabled; self.lang = lang
    }
}

/// What a request asks to do at a box.
public enum BoxAction: Sendable, Equatable {
    /// See the box, its stock and its movements.
    case view
    /// Put things into it.
    case intake
    /// Hand things out of it.
    case handout
    /// Undo a movement the user recorded.
    case undo
}

/// The role rules, one function for every route: a request a role does
/// not allow is refused before anything is read for it or written.
public enum Access {
    /// Whether `account` may do `action` at a box of the centre `centre`.
    public static func allows(_ account: Account, _ action: BoxAction, centre: String) -> Bool {
        if account.disabled { return false }
        let ownCentre = account.centres.contains { CentreCode.canonical($0) == CentreCode.canonical(centre) }
        switch account.role {
        case .coordinator: return true
        // An auditor from the fund reads everywhere; a viewer limited to centres reads only there.
        case .viewer: return action == .view && (account.centres.isEmpty || ownCentre)
        case .manager, .volunteer: return ownCentre
        }
    }
}
