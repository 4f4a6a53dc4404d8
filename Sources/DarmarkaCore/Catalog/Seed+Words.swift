/// Words volunteers use for the seeded categories that no stemmer can
/// derive from the names: kinds of things (`кроссовки` are shoes) and the
/// short forms of charities' acceptance lists (`детская` for children's
/// clothing).
///
/// Kept in code rather than in the database's alias table so that every
/// database, however old, knows them without a migration: `CategoryMatcher`
/// applies them at match time to the category with that code, the seeded
/// one or an organisation's own. A word that fits two categories (`бельё`:
/// bed linen or underwear; `брюки`: women's or men's) is left out on
/// purpose, so that it is refused with both named rather than guessed.
extension Seed {
    /// More words for categories, by category code.
    public static let words: [String: [String]] = [
        "outerwear": ["куртка", "пуховик", "пуховики", "пальто", "шуба", "шубы", "плащ", "плащи", "ветровка", "ветровки",
                      "дублёнка", "дублёнки", "парка", "coats", "jackets"],
        "womens": ["женская", "женское", "женские вещи", "платья", "платье", "юбки", "юбка", "блузки", "блузка"],
        "mens": ["мужская", "мужское", "мужские вещи"],
        "kids": ["детская", "детское", "детские вещи", "одежда для детей", "для детей"],
        "baby": ["новорождённые", "ползунки", "распашонки", "боди"],
        "shoes": ["кроссовки", "сапоги", "ботинки", "туфли", "тапочки", "тапки", "сандалии", "босоножки", "валенки",
                  "кеды", "сланцы", "угги", "детская обувь", "женская обувь", "мужская обувь"],
        "accessories": ["шапка", "шапки", "шарф", "шарфы", "перчатки", "варежки", "рукавицы", "кепки", "кепка", "панамы",
                        "панама", "платки", "платок", "ремни", "ремень", "головной убор", "hats", "scarves", "gloves"],
        "underwear": ["нижнее бельё", "носки", "колготки", "трусы", "бюстгальтеры", "socks"],
        "bags": ["сумка", "рюкзак", "чемоданы", "чемодан"],
        "linen": ["постельное бельё", "простыни", "простыня", "пододеяльники", "наволочки", "полотенце", "одеяла", "одеяло",
                  "towels", "bedding"],
        "curtains": ["занавески", "тюль", "скатерти", "скатерть"],
        "kitchen": ["посуда", "тарелки", "кастрюли", "сковородки", "сковородка", "чашки", "кружки", "столовые приборы", "dishes"],
        "appliances": ["бытовая техника", "электроника"],
        "household": ["предметы быта", "декор", "вазы", "светильники"],
        "toys": ["игры", "настольные игры", "пазлы", "конструкторы", "конструктор", "куклы", "кукла", "мягкие игрушки"],
        "babygear": ["коляска", "автокресло", "манежи", "манеж", "кроватки", "стульчики для кормления"],
        "books": ["книга", "литература", "учебники", "журналы"],
        "school": ["канцелярия", "тетради", "ручки", "карандаши", "школьные принадлежности", "для школы"],
        "hygiene": ["подгузники", "памперсы", "шампунь", "мыло", "зубные щётки"],
        "sports": ["спорт", "велосипеды", "велосипед", "самокаты", "самокат", "лыжи", "коньки", "мячи", "ролики"],
    ]

    /// Aliases the seed once gave and takes back, by category code: each
    /// named one category for a word that fits two. Databases seeded before
    /// still hold them; the store reads past them, so the word is refused
    /// as ambiguous there too.
    public static let retiredAliases: [String: Set<String>] = [
        "underwear": ["белье"],
    ]
}
