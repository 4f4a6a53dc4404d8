/// Darmarka's release, as `darmarka --version` prints it: what a bug report
/// should name. Raised with every release; the database's own schema version
/// is separate and moves with the migrations.
public enum DarmarkaVersion {
    public static let text = "0.6.0"
}
