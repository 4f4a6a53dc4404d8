import Testing
@testable import DarmarkaCore

/// The role table of the manager's and coordinator's pages, one role at a time.
@Suite("Access: manager's actions")
struct ManagerAccessTests {
    static func account(_ role: Role, _ centres: [String] = [], disabled: Bool = false) -> Account {
        Account(id: 1, login: "x", role: role, centres: centres, disabled: disabled)
    }

    @Test func aCoordinatorDoesEverythingEverywhere() {
        let a = Self.account(.coordinator)
        for action in [ManagerAction.manage, .readCentre, .readReport] { #expect(Access.allows(a, action, centre: "MAT")) }
        #expect(Access.readsWholeOrganisation(a) && Access.imports(a) && Access.setsTargets(a))
        #expect(!Access.allows(Self.account(.coordinator, disabled: true), .readCentre, centre: "MAT"))
    }

    @Test func aManagerManagesAndReadsOnlyTheirCentres() {
        let a = Self.account(.manager, ["pre"])
        for action in [ManagerAction.manage, .readCentre, .readReport] {
            #expect(Access.allows(a, action, centre: "PRE"))
            #expect(!Access.allows(a, action, centre: "MAT"))
        }
        #expect(!Access.readsWholeOrganisation(a) && !Access.imports(a) && !Access.setsTargets(a))
    }

    @Test func aVolunteerReadsTheirCentresStockAndNothingElse() {
        let a = Self.account(.volunteer, ["PRE"])
        #expect(Access.allows(a, .readCentre, centre: "PRE"))
        #expect(!Access.allows(a, .readCentre, centre: "MAT"))
        #expect(!Access.allows(a, .manage, centre: "PRE") && !Access.allows(a, .readReport, centre: "PRE"))
        #expect(!Access.readsWholeOrganisation(a) && !Access.imports(a))
    }

    @Test func aViewerReadsButManagesNothing() {
        let auditor = Self.account(.viewer)
        #expect(Access.allows(auditor, .readReport, centre: "MAT") && Access.allows(auditor, .readCentre, centre: "PRE"))
        #expect(Access.readsWholeOrganisation(auditor))
        #expect(!Access.allows(auditor, .manage, centre: "PRE") && !Access.imports(auditor) && !Access.setsTargets(auditor))
        let local = Self.account(.viewer, ["PRE"])
        #expect(Access.allows(local, .readReport, centre: "PRE") && !Access.allows(local, .readReport, centre: "MAT"))
        #expect(!Access.readsWholeOrganisation(local))
    }
}
