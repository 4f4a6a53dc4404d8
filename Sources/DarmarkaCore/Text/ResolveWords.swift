/// The headers of what `darmarka resolve` prints as CSV (the first six are
/// also the keys of its JSON box).
public enum ResolveWords {
    public static let columns = [
        Column("code", ru: "Код", en: "Code"), Column("centre", ru: "Центр", en: "Centre"),
        Column("centreName", ru: "Название центра", en: "Centre name"), Column("name", ru: "Название", en: "Name"),
        Column("kind", ru: "Вид", en: "Kind"), Column("status", ru: "Состояние", en: "Status"),
        Column("category", ru: "Категория", en: "Category"), Column("categoryName", ru: "Название категории", en: "Category name"),
        Column("quantity", ru: "Шт.", en: "Items", alignRight: true), Column("kg", ru: "Кг", en: "kg", alignRight: true),
    ]
}
