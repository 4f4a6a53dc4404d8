import DarmarkaCore
import Testing
@testable import DarmarkaKit

/// The matcher kept between calls never answers for a catalogue that has
/// changed since it was made: an alias, a category or another database.
@Suite("Matchers kept between calls")
struct MatcherCacheTests {
    @Test func anAliasOrACategoryAddedIsSeenAtOnce() throws {
        let f = try Fixture()
        #expect(throws: (any Error).self) { try f.category("zqxwv") }
        let shoes = try f.category("shoes")
        try f.store.write { try $0.addCategoryAlias("zqxwv", to: shoes) }
        #expect(try f.category("zqxwv").id == shoes.id)
        #expect(throws: (any Error).self) { try f.category("qqplk") }
        let added = try f.store.write { try $0.addCategory(code: "qqplk", nameRu: "Кукуруза", nameEn: "qqplk") }
        #expect(try f.category("qqplk").id == added.id)
    }

    @Test func anotherDatabaseGetsItsOwnCatalogue() throws {
        let one = try Fixture(), other = try Fixture()
        let shoes = try one.category("shoes")
        try one.store.write { try $0.addCategoryAlias("xjvbn", to: shoes) }
        #expect(try one.category("xjvbn").id == shoes.id)
        #expect(throws: (any Error).self) { try other.category("xjvbn") }
        #expect(try one.category("xjvbn").id == shoes.id)
    }
}
