/// The Russian word form for `n`: 1 этикетка, 2 этикетки, 5 этикеток.
/// English texts in the catalogue say "N item(s)" plainly; Russian needs three forms.
func plural(_ n: Int, _ one: String, _ few: String, _ many: String) -> String {
    let n100 = abs(n) % 100, n10 = abs(n) % 10
    if (11 ... 14).contains(n100) { return many }
    if n10 == 1 { return one }
    if (2 ... 4).contains(n10) { return few }
    return many
}
