package nl.paraat.device;

import liquibase.change.custom.CustomTaskChange;
import liquibase.database.Database;
import liquibase.database.jvm.JdbcConnection;
import liquibase.exception.CustomChangeException;
import liquibase.exception.ValidationErrors;
import liquibase.resource.ResourceAccessor;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Changeset 020: gives every stored push token its digest before the digest becomes unique. Of devices
 * sharing a token, the one seen last keeps it and the others lose it, as if the phone had just
 * registered it again. In Java, because H2 and MariaDB spell SHA-256 differently.
 */
public class PushTokenDigestBackfill implements CustomTaskChange {

    private int updated;
    private int released;

    @Override
    public void execute(Database database) throws CustomChangeException {
        Connection connection = ((JdbcConnection) database.getConnection()).getUnderlyingConnection();
        try {
            digestEveryToken(connection);
            releaseSharedTokens(connection);
        } catch (SQLException e) {
            throw new CustomChangeException("Could not digest the stored push tokens", e);
        }
    }

    private void digestEveryToken(Connection connection) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT id, push_token FROM device WHERE push_token IS NOT NULL");
             PreparedStatement update = connection.prepareStatement("UPDATE device SET push_token_digest = ? WHERE id = ?");
             ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                update.setString(1, PushTokens.digest(rows.getString(2)));
                update.setLong(2, rows.getLong(1));
                update.addBatch();
                if (++updated % 1000 == 0) {
                    update.executeBatch();
                }
            }
            update.executeBatch();
        }
    }

    /** Compared by digest, not by token: a case-insensitive collation would call two different tokens equal. */
    private void releaseSharedTokens(Connection connection) throws SQLException {
        List<String> shared = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement("SELECT push_token_digest FROM device"
                + " WHERE push_token_digest IS NOT NULL GROUP BY push_token_digest HAVING COUNT(*) > 1");
             ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                shared.add(rows.getString(1));
            }
        }
        try (PreparedStatement holders = connection.prepareStatement(
                "SELECT id FROM device WHERE push_token_digest = ? ORDER BY last_seen_at DESC, id DESC");
             PreparedStatement release = connection.prepareStatement(
                     "UPDATE device SET push_token = NULL, push_token_digest = NULL WHERE id = ?")) {
            for (String digest : shared) {
                holders.setString(1, digest);
                try (ResultSet rows = holders.executeQuery()) {
                    rows.next(); // the device seen last keeps the token
                    while (rows.next()) {
                        release.setLong(1, rows.getLong(1));
                        release.executeUpdate();
                        released++;
                    }
                }
            }
        }
    }

    @Override
    public String getConfirmationMessage() {
        return "Digested " + updated + " push tokens; released " + released + " held by more than one device";
    }

    @Override
    public void setUp() {
        // nothing to prepare
    }

    @Override
    public void setFileOpener(ResourceAccessor resourceAccessor) {
        // reads no files
    }

    @Override
    public ValidationErrors validate(Database database) {
        return new ValidationErrors();
    }
}
