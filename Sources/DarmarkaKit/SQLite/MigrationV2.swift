import GRDB

extension Migrations {
    /// Version 2: what reports read, kept beside the ledger; and the targets
    /// of the grant application. Databases of version 1 get the tables filled
    /// from their ledger.
    static let v2 = """
        CREATE TABLE flow_month (
            month TEXT NOT NULL,
            kind TEXT NOT NULL,
            from_box_id INTEGER NOT NULL,
            to_box_id INTEGER NOT NULL,
            category_id INTEGER NOT NULL,
            condition TEXT NOT NULL,
            at_event INTEGER NOT NULL,
            with_recipient INTEGER NOT NULL,
            items INTEGER NOT NULL,
            grams INTEGER NOT NULL,
            weighed INTEGER NOT NULL,
            movements INTEGER NOT NULL,
            PRIMARY KEY (month, kind, from_box_id, to_box_id, category_id, condition, at_event, with_recipient)
        ) WITHOUT ROWID;
        CREATE TABLE recipient_visit (
            recipient_id INTEGER NOT NULL REFERENCES recipient(id),
            day TEXT NOT NULL,
            handouts INTEGER NOT NULL CHECK (handouts > 0),
            PRIMARY KEY (recipient_id, day)
        ) WITHOUT ROWID;
        CREATE INDEX recipient_visit_day ON recipient_visit(day, recipient_id);
        CREATE TABLE recipient_month (
            month TEXT NOT NULL,
            recipient_id INTEGER NOT NULL REFERENCES recipient(id),
            visits INTEGER NOT NULL CHECK (visits > 0),
            PRIMARY KEY (month, recipient_id)
        ) WITHOUT ROWID;
        CREATE TABLE recipient_first (
            recipient_id INTEGER PRIMARY KEY REFERENCES recipient(id),
            first_day TEXT NOT NULL
        );
        CREATE INDEX recipient_first_day ON recipient_first(first_day);
        CREATE TABLE volunteer_month (
            month TEXT NOT NULL,
            volunteer_id INTEGER NOT NULL REFERENCES volunteer(id),
            movements INTEGER NOT NULL,
            PRIMARY KEY (month, volunteer_id)
        ) WITHOUT ROWID;
        CREATE TABLE target (
            metric TEXT NOT NULL,
            period_from TEXT NOT NULL,
            period_to TEXT NOT NULL,
            value INTEGER NOT NULL CHECK (value >= 0),
            set_at TEXT NOT NULL,
            PRIMARY KEY (metric, period_from, period_to)
        );
        """

    /// `flow_month` as summed afresh from the ledger and `line_valuation`
    /// (which check holds to a fresh valuation): used by `darmarka check` to
    /// prove it was kept right. A movement counts on its first line.
    static let flowMonthFromLedger = """
        WITH signed AS (
            SELECT m.id, m.kind, substr(m.occurred_on, 1, 7) AS month, COALESCE(m.from_box_id, 0) AS f,
                   COALESCE(m.to_box_id, 0) AS t, m.event_id IS NOT NULL AS ev, m.recipient_id IS NOT NULL AS rc,
                   CASE WHEN m.reverses_id IS NULL THEN 1 ELSE -1 END AS sign
            FROM movement m
        )
        SELECT s.month, s.kind, s.f, s.t, l.category_id, COALESCE(l.condition, ''), s.ev, s.rc,
               SUM(s.sign * l.quantity) AS items, SUM(s.sign * COALESCE(l.grams, 0)) AS grams,
               SUM(CASE WHEN l.grams IS NULL THEN 0 ELSE s.sign * l.quantity END) AS weighed,
               SUM(CASE WHEN l.line = 1 THEN s.sign ELSE 0 END) AS movements,
               SUM(s.sign * (COALESCE(v.grams, l.grams, 0) - COALESCE(l.grams, 0))) AS estimated
        FROM signed s JOIN movement_line l ON l.movement_id = s.id
        LEFT JOIN line_valuation v ON v.movement_id = l.movement_id AND v.line = l.line
        GROUP BY 1, 2, 3, 4, 5, 6, 7, 8
        """

    /// `flow_month` as the upgrade to version 2 filled it, from the lines of
    /// version 1, which had ids of their own; frozen with that version.
    static let v2FlowMonthBackfill = """
        WITH signed AS (
            SELECT m.id, m.kind, substr(m.occurred_on, 1, 7) AS month, COALESCE(m.from_box_id, 0) AS f,
                   COALESCE(m.to_box_id, 0) AS t, m.event_id IS NOT NULL AS ev, m.recipient_id IS NOT NULL AS rc,
                   CASE WHEN m.reverses_id IS NULL THEN 1 ELSE -1 END AS sign
            FROM movement m
        )
        SELECT s.month, s.kind, s.f, s.t, l.category_id, COALESCE(l.condition, ''), s.ev, s.rc,
               SUM(s.sign * l.quantity) AS items, SUM(s.sign * COALESCE(l.grams, 0)) AS grams,
               SUM(CASE WHEN l.grams IS NULL THEN 0 ELSE s.sign * l.quantity END) AS weighed,
               SUM(CASE WHEN l.id = (SELECT MIN(x.id) FROM movement_line x WHERE x.movement_id = s.id) THEN s.sign ELSE 0 END) AS movements
        FROM signed s JOIN movement_line l ON l.movement_id = s.id
        GROUP BY 1, 2, 3, 4, 5, 6, 7, 8
        """

    /// `recipient_visit` as summed afresh from the ledger.
    static let recipientVisitsFromLedger = """
        SELECT recipient_id, occurred_on, SUM(CASE WHEN reverses_id IS NULL THEN 1 ELSE -1 END)
        FROM movement WHERE kind = 'handout' AND recipient_id IS NOT NULL GROUP BY 1, 2
        HAVING SUM(CASE WHEN reverses_id IS NULL THEN 1 ELSE -1 END) > 0
        """

    /// `recipient_month` and `recipient_first` as made from `recipient_visit`.
    static let recipientMonthsFromVisits = "SELECT substr(day, 1, 7), recipient_id, COUNT(*) FROM recipient_visit GROUP BY 1, 2"
    static let recipientFirstsFromVisits = "SELECT recipient_id, MIN(day) FROM recipient_visit GROUP BY 1"

    /// `volunteer_month` as summed afresh from the ledger.
    static let volunteerMonthsFromLedger = """
        SELECT substr(occurred_on, 1, 7), volunteer_id, SUM(CASE WHEN reverses_id IS NULL THEN 1 ELSE -1 END) AS movements
        FROM movement WHERE volunteer_id IS NOT NULL GROUP BY 1, 2
        """

    static let v2Backfill = """
        INSERT INTO flow_month \(v2FlowMonthBackfill);
        INSERT INTO recipient_visit(recipient_id, day, handouts) \(recipientVisitsFromLedger);
        INSERT INTO volunteer_month(month, volunteer_id, movements) \(volunteerMonthsFromLedger);
        INSERT INTO recipient_month(month, recipient_id, visits) \(recipientMonthsFromVisits);
        INSERT INTO recipient_first(recipient_id, first_day) \(recipientFirstsFromVisits);
        """
}
