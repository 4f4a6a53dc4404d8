/// Words about kilograms valued by moving average (see `KilogramValuation`).
public enum KilogramWords {
    /// Items in stock or moved with no kilograms known at all: not 0 kg.
    public static let unweighed = Phrase(ru: "не взвешено", en: "not weighed")
    /// The part of an outflow's kilograms that was estimated, not weighed.
    public static let handedOutEstimated = Phrase(ru: "  из них оценка, кг", en: "  of which estimated, kg")
    public static let writtenOffEstimated = Phrase(ru: "  из них оценка, кг", en: "  of which estimated, kg")
}
