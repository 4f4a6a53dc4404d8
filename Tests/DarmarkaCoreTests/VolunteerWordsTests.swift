import Testing
@testable import DarmarkaCore

/// The words volunteers use for categories, from the acceptance lists of
/// Russian charities, against the seeded catalogue.
@Suite("Volunteers' words for categories")
struct VolunteerWordsTests {
    /// The seeded catalogue as a new database holds it.
    static let seeded: [NamedEntry] = Seed.categories.enumerated().map { i, c in
        NamedEntry(id: RowID(i + 1), code: c.code, nameRu: c.ru, nameEn: c.en, aliases: c.aliases.map(TextKey.normalise))
    }
    static let matcher = CategoryMatcher(entries: seeded, synonyms: Seed.words)

    static func code(_ text: String) -> String? {
        if case .found(let entry) = matcher.match(text) { return entry.code }
        return nil
    }

    static let words: [(String, String)] = [
        // Outerwear.
        ("куртка", "outerwear"), ("куртки", "outerwear"), ("курток", "outerwear"), ("куртками", "outerwear"),
        ("пуховик", "outerwear"), ("пуховики", "outerwear"), ("пальто", "outerwear"), ("шуба", "outerwear"),
        ("ветровка", "outerwear"), ("верхняя одежда", "outerwear"), ("верхней одежды", "outerwear"),
        // Women's, men's, children's, babies'.
        ("женская", "womens"), ("женская одежда", "womens"), ("женской одежды", "womens"), ("женские", "womens"),
        ("платья", "womens"), ("юбки", "womens"),
        ("мужская", "mens"), ("Мужская одежда", "mens"), ("мужской одежды", "mens"), ("мужские", "mens"),
        ("детская", "kids"), ("детские", "kids"), ("детская одежда", "kids"), ("одежда детская", "kids"),
        ("детской одежды", "kids"), ("детские вещи", "kids"),
        ("одежда для новорождённых", "baby"), ("для новорожденных", "baby"), ("ползунки", "baby"),
        // Shoes.
        ("обувь", "shoes"), ("обуви", "shoes"), ("обувью", "shoes"), ("ОБУВЬ", "shoes"), ("кроссовки", "shoes"),
        ("кроссовок", "shoes"), ("сапоги", "shoes"), ("сапог", "shoes"), ("ботинки", "shoes"), ("туфли", "shoes"),
        ("обувь детская", "shoes"), ("детская обувь", "shoes"), ("зимняя обувь", "shoes"), ("shoes", "shoes"),
        // Hats, scarves, gloves.
        ("шапка", "accessories"), ("шапки", "accessories"), ("шапок", "accessories"), ("шарфы", "accessories"),
        ("перчатки", "accessories"), ("перчаток", "accessories"), ("варежки", "accessories"),
        ("головные уборы", "accessories"),
        // Underwear, linen: the two kinds of бельё.
        ("носки", "underwear"), ("носков", "underwear"), ("нижнее бельё", "underwear"), ("нижнее белье", "underwear"),
        ("колготки", "underwear"),
        ("постельное белье", "linen"), ("постельное бельё", "linen"), ("бельё постельное", "linen"),
        ("постельного белья", "linen"), ("полотенца", "linen"), ("полотенец", "linen"), ("полотенцами", "linen"),
        // Bags, home.
        ("сумки", "bags"), ("сумка", "bags"), ("сумок", "bags"), ("рюкзаки", "bags"), ("рюкзак", "bags"),
        ("шторы", "curtains"), ("штор", "curtains"), ("занавески", "curtains"),
        ("посуда", "kitchen"), ("посуду", "kitchen"), ("посудой", "kitchen"), ("кастрюли", "kitchen"),
        ("бытовая техника", "appliances"), ("техника", "appliances"),
        ("декор", "household"), ("предметы быта", "household"),
        // Children's things, books, school.
        ("игрушки", "toys"), ("игрушка", "toys"), ("игрушек", "toys"), ("игрушками", "toys"),
        ("мягкие игрушки", "toys"), ("настольные игры", "toys"),
        ("коляски", "babygear"), ("коляска", "babygear"), ("колясок", "babygear"), ("автокресла", "babygear"),
        ("книги", "books"), ("книга", "books"), ("книг", "books"), ("книгами", "books"), ("учебники", "books"),
        ("канцтовары", "school"), ("школьные принадлежности", "school"), ("тетради", "school"),
        ("средства гигиены", "hygiene"), ("гигиена", "hygiene"), ("подгузники", "hygiene"),
        ("спорт", "sports"), ("спортинвентарь", "sports"), ("велосипеды", "sports"), ("самокаты", "sports"),
    ]

    @Test(arguments: words)
    func aVolunteersWordGivesItsCategory(word: String, code: String) {
        #expect(Self.code(word) == code, "\(word): \(Self.matcher.match(word))")
    }

    @Test func theListIsLongEnough() {
        #expect(Self.words.count >= 60)
    }

    /// Words that fit more than one category are refused with each of them named.
    static let ambiguous: [(String, [String])] = [
        ("бельё", ["underwear", "linen"]),
        ("белье", ["underwear", "linen"]),
        ("белья", ["underwear", "linen"]),
        ("одежда", ["outerwear", "womens", "mens", "kids", "baby"]),
        ("новое", ["underwear", "hygiene"]),
    ]

    @Test(arguments: ambiguous)
    func aWordThatFitsSeveralIsNeverGuessed(word: String, codes: [String]) {
        guard case .ambiguous(let candidates) = Self.matcher.match(word) else {
            Issue.record("\(word): \(Self.matcher.match(word))")
            return
        }
        #expect(candidates.map(\.code) == codes)
    }

    @Test func theRefusalNamesTheCandidatesInTheVolunteersWords() {
        let problem = Self.matcher.match("бельё").entry(.category, for: "бельё")
        guard case .failure(let p) = problem else { Issue.record("\(problem)"); return }
        #expect(p.phrase.ru == "«бельё» — это нижнее бельё и носки (новое) (underwear) или постельное бельё и полотенца (linen)? Напишите точнее или кодом категории.")
        #expect(p.phrase.en.hasPrefix("“бельё” could be Underwear and socks (new) (underwear) or Bed linen and towels (linen)"))
    }

    @Test func anUnknownWordSuggestsTheClosestAtMostThree() {
        guard case .unknown(let typo) = Self.matcher.match("обувъ") else { Issue.record("обувъ"); return }
        #expect(typo.map(\.code) == ["shoes"])
        guard case .unknown(let misspelt) = Self.matcher.match("кросовки") else { Issue.record("кросовки"); return }
        #expect(misspelt.first?.code == "shoes")
        guard case .unknown(let two) = Self.matcher.match("детские игрушки") else { Issue.record("детские игрушки"); return }
        #expect(two.first?.code == "toys")
        #expect(two.count <= 3)
        guard case .unknown(let none) = Self.matcher.match("xyz") else { Issue.record("xyz"); return }
        #expect(none.isEmpty)
        #expect(Self.matcher.match("") == .unknown(suggestions: []))
        #expect(Self.matcher.match(" и ") == .unknown(suggestions: []))
    }

    @Test func anOrganisationsOwnNamesComeBeforeTheCuratedSynonyms() {
        var entries = Self.seeded
        entries.append(NamedEntry(id: 100, code: "down-coats", nameRu: "Пуховики и куртки", nameEn: "Down coats", aliases: ["пуховик"]))
        let matcher = CategoryMatcher(entries: entries, synonyms: Seed.words)
        // Typed in full, the organisation's alias wins over the seeded synonym.
        guard case .found(let own) = matcher.match("пуховик") else { Issue.record("пуховик"); return }
        #expect(own.code == "down-coats")
        // A form of it fits both: refused.
        guard case .ambiguous(let both) = matcher.match("пуховиков") else { Issue.record("пуховиков"); return }
        #expect(both.map(\.code) == ["outerwear", "down-coats"])
        // A category of the organisation's own with a seeded code gets the synonyms too.
        let own2 = CategoryMatcher(entries: [NamedEntry(id: 1, code: "shoes", nameRu: "Обувь всякая", nameEn: "Shoes", aliases: [])],
                                   synonyms: Seed.words)
        #expect(own2.match("кроссовки") == .found(NamedEntry(id: 1, code: "shoes", nameRu: "Обувь всякая", nameEn: "Shoes", aliases: [])))
    }

    @Test func anEWithACombiningDiaeresisIsAnЁ() {
        #expect(Self.code("нижнее бел\u{0435}\u{0308}") == "underwear")
    }

    /// An alias typed in full wins outright, so a seeded alias must not be a
    /// word that, but for it, would fit another category: `белье` was one.
    @Test func noSeededAliasSettlesAWordThatFitsTwoCategories() {
        for (i, c) in Self.seeded.enumerated() {
            for alias in c.aliases {
                var entries = Self.seeded
                entries[i].aliases.removeAll { $0 == alias }
                var words = Seed.words
                words[c.code]?.removeAll { TextKey.normalise($0) == alias }
                switch CategoryMatcher(entries: entries, synonyms: words).match(alias) {
                case .found(let entry): #expect(entry.code == c.code, "\(alias) of \(c.code) is \(entry.code)")
                case .ambiguous(let all): Issue.record("\(alias) of \(c.code) also fits \(all.map(\.code))")
                case .unknown: break
                }
            }
        }
    }

    // MARK: The stemmer

    /// Outputs of the published Snowball Russian stemmer (snowballstem.org).
    static let snowball: [(String, String)] = [
        ("куртками", "куртк"), ("курток", "курток"), ("обуви", "обув"), ("игрушками", "игрушк"), ("бельё", "бел"),
        ("постельное", "постельн"), ("новорождённых", "новорожден"), ("спортинвентарь", "спортинвентар"),
        ("принадлежности", "принадлежн"), ("красивейший", "красив"), ("длинный", "длин"), ("читавшийся", "чита"),
        ("сделавши", "сдела"), ("одеяния", "одеян"), ("вещей", "вещ"), ("детских", "детск"), ("полотенцами", "полотенц"),
        ("сапогами", "сапог"), ("рюкзаки", "рюкзак"), ("коляски", "коляск"), ("автокресла", "автокресл"),
        ("гигиены", "гиг"), ("кастрюль", "кастрюл"), ("куртка", "куртк"), ("полотенец", "полотенец"),
        ("одежды", "одежд"), ("пуховик", "пуховик"), ("носков", "носк"),
    ]

    @Test(arguments: snowball)
    func theStemmerGivesWhatSnowballGives(word: String, stem: String) {
        #expect(RussianStemmer.stem(word) == stem)
    }

    @Test func aFleetingVowelIsFoldedOnlyWhereItCanBeOne() {
        #expect(CategoryMatcher.foldFleetingVowel("курток") == "куртк")
        #expect(CategoryMatcher.foldFleetingVowel("полотенец") == "полотенц")
        #expect(CategoryMatcher.foldFleetingVowel("носок") == "носк")
        #expect(CategoryMatcher.foldFleetingVowel("пуховик") == "пуховик")
        #expect(CategoryMatcher.foldFleetingVowel("сок") == "сок")
    }
}
