import DarmarkaCore
import Foundation

// Centres, boxes, categories and their names.
extension LedgerTransaction {
    public func addCentre(code: String, name: String, address: String?) throws -> Centre {
        try backend.addCentre(code: code, name: name, address: address)
    }

    public func centres() throws -> [Centre] {
        try backend.centres()
    }

    /// A centre by its code.
    public func centre(_ code: String) throws -> Centre {
        try backend.centre(code)
    }

    public func categories() throws -> [NamedEntry] {
        try backend.categories()
    }

    public func groups() throws -> [NamedEntry] {
        try backend.groups()
    }

    /// The matcher of people's words for categories: names, aliases and
    /// the seeded synonyms (see `CategoryMatcher`).
    public func categoryMatcher() throws -> CategoryMatcher {
        try backend.categoryMatcher()
    }

    public func groupMatcher() throws -> CategoryMatcher {
        try backend.groupMatcher()
    }

    /// The category `text` names, in any word form (see `CategoryMatcher`);
    /// a word that fits several, or none, is refused with the candidates.
    public func category(_ text: String) throws -> NamedEntry {
        try backend.category(text)
    }

    public func group(_ text: String) throws -> NamedEntry {
        try backend.group(text)
    }

    public func addCategory(code: String, nameRu: String, nameEn: String?) throws -> NamedEntry {
        try backend.addCategory(code: code, nameRu: nameRu, nameEn: nameEn)
    }

    /// Adds another name for a category, refused when it already names one.
    public func addCategoryAlias(_ alias: String, to category: NamedEntry) throws {
        try backend.addCategoryAlias(alias, to: category)
    }

    /// The volunteer of that name, registered on first use.
    public func volunteer(named name: String) throws -> RowID {
        try backend.volunteer(named: name)
    }

    /// The categories of the movements of `kind` (intake or handout) at
    /// boxes of `centre` in the last `days` days, most used first: by how
    /// many movements had a line of it, then in catalogue order. Undos and
    /// the movements they undo count for nothing.
    public func mostUsedCategories(centre: String, kind: MovementKind, days: Int = 30, limit: Int = 8) throws -> [NamedEntry] {
        try backend.mostUsedCategories(centre: centre, kind: kind, days: days, limit: limit)
    }

    /// Issues `count` new codes for a centre. A code is never issued twice:
    /// the serial only grows, and `issued_code` keeps every one.
    public func issueCodes(count: Int, centre: Centre, purpose: CodePurpose) throws -> [BoxCode] {
        try backend.issueCodes(count: count, centre: centre, purpose: purpose)
    }

    /// Registers a box: with a new code, or claiming a pre-printed one. A
    /// code printed for another centre is refused unless `otherCentre`: its
    /// label names that centre, and a sheet picked up at the wrong centre
    /// would file boxes, and their reports, under the wrong one.
    public func addBox(centre: Centre, name: String?, kind: BoxKind, claiming code: BoxCode? = nil, otherCentre: Bool = false) throws -> Box {
        try backend.addBox(centre: centre, name: name, kind: kind, claiming: code, otherCentre: otherCentre)
    }

    public func boxes(centre: Centre? = nil) throws -> [Box] {
        try backend.boxes(centre: centre)
    }

    /// A box by a code as typed or scanned (see `BoxCode.find`).
    public func box(_ text: String) throws -> Box {
        try backend.box(text)
    }

    /// Whether a code was issued (perhaps pre-printed) but has no box yet.
    public func isUnclaimed(_ code: BoxCode) throws -> Centre? {
        try backend.isUnclaimed(code)
    }

    public func box(id: RowID) throws -> Box? {
        try backend.box(id: id)
    }

    /// Takes a box out of use; its history stays, and so does what it holds.
    public func retire(_ box: Box) throws {
        try backend.retire(box)
    }
}
