import Testing
@testable import DarmarkaCore

@Suite("Import: fingerprints by what rows name")
struct ImportCatalogueNamesTests {
    static let names = CatalogueNames(
        categories: [NamedEntry(id: 1, code: "shoes", nameRu: "Обувь", nameEn: "Shoes", aliases: ["ботинки"]),
                     NamedEntry(id: 2, code: "books", nameRu: "Книги", nameEn: "Books", aliases: [])],
        groups: [NamedEntry(id: 1, code: "large-family", nameRu: "Многодетная семья", nameEn: "Large family", aliases: ["многодетные"])])

    static func row(_ category: String, group: String? = nil) -> JournalRow {
        JournalRow(date: LocalDate(year: 2026, month: 11, day: 3)!, operation: .handout, box: TestBoxes.a,
                   category: category, quantity: 1, recipient: "ТД-1", group: group)
    }

    @Test func everyNameOfACategoryOrGroupIsOneRow() {
        var names = Self.names
        let expected = names.fingerprint(of: Self.row("shoes", group: "large-family"))
        for category in ["shoes", "Обувь", "ОБУВЬ", " ботинки ", "Shoes"] {
            for group in ["large-family", "многодетные", "Многодетная семья", "LARGE FAMILY"] {
                #expect(names.fingerprint(of: Self.row(category, group: group)) == expected, "\(category), \(group)")
            }
        }
        // Rows fingerprinted by their codes are what files typed with codes were.
        #expect(expected == Self.row("shoes", group: "large-family").fingerprint)
    }

    @Test func otherCategoriesAndUnknownNamesStayApart() {
        var names = Self.names
        let shoes = names.fingerprint(of: Self.row("обувь"))
        #expect(names.fingerprint(of: Self.row("книги")) != shoes)
        #expect(names.fingerprint(of: Self.row("обувь", group: "многодетные")) != shoes)
        // Not in the catalogue: as typed, the way `fingerprint` takes it.
        #expect(names.fingerprint(of: Self.row("носки-2")) == Self.row("носки-2").fingerprint)
    }
}
