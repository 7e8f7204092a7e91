package dev.triage.plugin.overview.infrastructure;

import dev.triage.core.cases.Case;
import dev.triage.core.cases.CaseService;
import dev.triage.plugin.overview.application.NotificationDispatcher;
import dev.triage.plugin.overview.application.Silences;
import dev.triage.plugin.overview.domain.Matcher;
import dev.triage.plugin.overview.domain.Silence;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/**
 * Silences, acknowledgements and the delivery log in the open case, so a silence set from the CLI or the window holds for a
 * {@code triage watch} running in another process.
 */
public final class DuckDbSilences implements Silences {

    private final CaseService cases;

    /**
     * Creates the store on whatever case is open.
     *
     * @param cases the kernel's case service
     */
    public DuckDbSilences(CaseService cases) {
        this.cases = cases;
    }

    private Connection connect() throws SQLException {
        Case open = cases.current().orElseThrow(() -> new IllegalStateException("No case is open: give --case DIR"));
        return open.newConnection();
    }

    /**
     * Adds a silence.
     *
     * @param matchers the matchers
     * @param startsAt when it starts
     * @param endsAt when it ends
     * @param by who
     * @param comment why
     * @return the silence with its new id
     * @throws SQLException when the case cannot be written
     */
    public synchronized Silence add(List<Matcher> matchers, Instant startsAt, Instant endsAt, String by, String comment) throws SQLException {
        Silence s = new Silence(UUID.randomUUID().toString().substring(0, 8), matchers, startsAt, endsAt, by, comment);
        try (Connection c = connect(); PreparedStatement ps = c.prepareStatement("INSERT INTO overview_silences VALUES (?, ?, ?, ?, ?, ?)")) {
            ps.setString(1, s.id());
            ps.setString(2, String.join("\n", matchers.stream().map(Matcher::toString).toList()));
            ps.setLong(3, startsAt.toEpochMilli());
            ps.setLong(4, endsAt.toEpochMilli());
            ps.setString(5, by);
            ps.setString(6, comment);
            ps.executeUpdate();
        }
        return s;
    }

    /**
     * Ends a silence now.
     *
     * @param id the id
     * @param now the time
     * @return whether a silence had that id
     * @throws SQLException when the case cannot be written
     */
    public synchronized boolean expire(String id, Instant now) throws SQLException {
        try (Connection c = connect(); PreparedStatement ps = c.prepareStatement(
                "UPDATE overview_silences SET ends = LEAST(ends, ?) WHERE id = ?")) {
            ps.setLong(1, now.toEpochMilli());
            ps.setString(2, id);
            return ps.executeUpdate() > 0;
        }
    }

    @Override
    public List<Silence> silences(Instant now) throws SQLException {
        List<Silence> out = new ArrayList<>();
        try (Connection c = connect(); PreparedStatement ps = c.prepareStatement(
                "SELECT id, matchers, starts, ends, created_by, comment FROM overview_silences WHERE ends > ? ORDER BY starts, id")) {
            ps.setLong(1, now.toEpochMilli());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new Silence(rs.getString(1), Arrays.stream(rs.getString(2).split("\n")).map(Matcher::parse).toList(),
                            Instant.ofEpochMilli(rs.getLong(3)), Instant.ofEpochMilli(rs.getLong(4)), rs.getString(5), rs.getString(6)));
                }
            }
        }
        return out;
    }

    /**
     * Acknowledges an alert: its repeats stop until it resolves.
     *
     * @param fingerprint rule/target
     * @param by who
     * @param comment why
     * @param now when
     * @throws SQLException when the case cannot be written
     */
    public synchronized void acknowledge(String fingerprint, String by, String comment, Instant now) throws SQLException {
        try (Connection c = connect(); PreparedStatement ps = c.prepareStatement("INSERT OR REPLACE INTO overview_acks VALUES (?, ?, ?, ?)")) {
            ps.setString(1, fingerprint);
            ps.setString(2, by);
            ps.setLong(3, now.toEpochMilli());
            ps.setString(4, comment);
            ps.executeUpdate();
        }
    }

    @Override
    public boolean acknowledged(String fingerprint) throws SQLException {
        try (Connection c = connect(); PreparedStatement ps = c.prepareStatement("SELECT 1 FROM overview_acks WHERE fingerprint = ?")) {
            ps.setString(1, fingerprint);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    @Override
    public synchronized void clearAcknowledgement(String fingerprint) throws SQLException {
        try (Connection c = connect(); PreparedStatement ps = c.prepareStatement("DELETE FROM overview_acks WHERE fingerprint = ?")) {
            ps.setString(1, fingerprint);
            ps.executeUpdate();
        }
    }

    /**
     * Records a delivery.
     *
     * @param d the delivery
     * @throws SQLException when the case cannot be written
     */
    public synchronized void record(NotificationDispatcher.Delivery d) throws SQLException {
        try (Connection c = connect(); PreparedStatement ps = c.prepareStatement(
                "INSERT INTO overview_notifications VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
            ps.setLong(1, d.at().toEpochMilli());
            ps.setString(2, d.receiver());
            ps.setString(3, d.route());
            ps.setString(4, d.title());
            ps.setInt(5, d.alerts());
            ps.setInt(6, d.attempts());
            ps.setBoolean(7, d.delivered());
            ps.setString(8, d.error());
            ps.executeUpdate();
        }
    }

    /**
     * The latest deliveries, newest first.
     *
     * @param limit how many
     * @return the deliveries
     * @throws SQLException when the case cannot be read
     */
    public List<NotificationDispatcher.Delivery> deliveries(int limit) throws SQLException {
        List<NotificationDispatcher.Delivery> out = new ArrayList<>();
        try (Connection c = connect(); PreparedStatement ps = c.prepareStatement("SELECT ts, receiver, route, title, alerts, attempts,"
                + " delivered, error FROM overview_notifications ORDER BY ts DESC, rowid DESC LIMIT ?")) {
            ps.setInt(1, limit);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new NotificationDispatcher.Delivery(Instant.ofEpochMilli(rs.getLong(1)), rs.getString(2), rs.getString(3),
                            rs.getString(4), rs.getInt(5), rs.getInt(6), rs.getBoolean(7), rs.getString(8)));
                }
            }
        }
        return out;
    }
}
