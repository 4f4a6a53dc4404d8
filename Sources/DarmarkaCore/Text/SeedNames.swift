/// A named thing of the catalogue as seeded: a category or a recipient group.
public struct SeedEntry: Sendable {
    public let code: String
    public let ru: String
    public let en: String
    public let aliases: [String]
}

/// The names a new database's categories and recipient groups start with,
/// in both languages, with the other words volunteers use for them.
extension Seed {
    public static let categories: [SeedEntry] = [
        SeedEntry(code: "outerwear", ru: "Верхняя одежда", en: "Outerwear", aliases: ["куртки", "пальто", "верхняя"]),
        SeedEntry(code: "womens", ru: "Женская одежда", en: "Women's clothing", aliases: ["женское", "women", "womens clothing"]),
        SeedEntry(code: "mens", ru: "Мужская одежда", en: "Men's clothing", aliases: ["мужское", "men", "mens clothing"]),
        SeedEntry(code: "kids", ru: "Детская одежда", en: "Children's clothing", aliases: ["детское", "дети", "children", "kids clothing"]),
        SeedEntry(code: "baby", ru: "Одежда для новорождённых", en: "Baby clothing", aliases: ["для новорожденных", "младенцы"]),
        SeedEntry(code: "shoes", ru: "Обувь", en: "Shoes", aliases: ["footwear"]),
        SeedEntry(code: "accessories", ru: "Головные уборы, шарфы, перчатки", en: "Hats, scarves and gloves", aliases: ["аксессуары", "шапки"]),
        SeedEntry(code: "underwear", ru: "Нижнее бельё и носки (новое)", en: "Underwear and socks (new)", aliases: ["носки"]),
        SeedEntry(code: "bags", ru: "Сумки и рюкзаки", en: "Bags and backpacks", aliases: ["сумки", "рюкзаки"]),
        SeedEntry(code: "linen", ru: "Постельное бельё и полотенца", en: "Bed linen and towels", aliases: ["постельное", "полотенца"]),
        SeedEntry(code: "curtains", ru: "Шторы и домашний текстиль", en: "Curtains and home textiles", aliases: ["шторы", "текстиль"]),
        SeedEntry(code: "kitchen", ru: "Посуда и кухонная утварь", en: "Dishes and kitchenware", aliases: ["посуда"]),
        SeedEntry(code: "appliances", ru: "Бытовая техника", en: "Household appliances", aliases: ["техника"]),
        SeedEntry(code: "household", ru: "Предметы быта и декор", en: "Household items and decor", aliases: ["быт", "декор"]),
        SeedEntry(code: "toys", ru: "Игрушки", en: "Toys", aliases: ["игрушка"]),
        SeedEntry(code: "babygear", ru: "Детские товары (коляски, автокресла)", en: "Baby gear", aliases: ["коляски", "автокресла", "детские товары"]),
        SeedEntry(code: "books", ru: "Книги", en: "Books", aliases: ["книга"]),
        SeedEntry(code: "school", ru: "Канцтовары и школьные принадлежности", en: "Stationery and school supplies", aliases: ["канцтовары", "школа"]),
        SeedEntry(code: "hygiene", ru: "Средства гигиены (новые)", en: "Hygiene products (new)", aliases: ["гигиена"]),
        SeedEntry(code: "sports", ru: "Спортинвентарь", en: "Sports equipment", aliases: ["спорт"]),
    ]

    public static let groups: [SeedEntry] = [
        SeedEntry(code: "large-family", ru: "Многодетная семья", en: "Large family", aliases: ["многодетные", "многодетная"]),
        SeedEntry(code: "low-income", ru: "Малоимущие", en: "Low-income", aliases: ["малоимущая семья", "малообеспеченные"]),
        SeedEntry(code: "pensioner", ru: "Пенсионеры", en: "Pensioners", aliases: ["пенсионер"]),
        SeedEntry(code: "refugee", ru: "Беженцы и переселенцы", en: "Refugees and displaced people", aliases: ["беженцы", "переселенцы"]),
        SeedEntry(code: "homeless", ru: "Бездомные", en: "Homeless people", aliases: ["бездомный"]),
        SeedEntry(code: "hardship", ru: "Трудная жизненная ситуация", en: "Difficult life situation", aliases: ["тжс"]),
        SeedEntry(code: "other", ru: "Другое", en: "Other", aliases: ["прочее"]),
    ]
}
