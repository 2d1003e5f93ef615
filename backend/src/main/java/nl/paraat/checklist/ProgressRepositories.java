package nl.paraat.checklist;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * Every readiness query groups one table by municipality, reading only an index that starts with
 * the municipality: one query per kind of figure, whatever the number of devices.
 */
final class ProgressRepositories {

    private ProgressRepositories() {
    }

    @JdbcRepository(dialect = Dialect.MYSQL)
    interface Progress extends CrudRepository<DeviceProgress, Long> {

        /**
         * Creates the device's row unless it exists, without failing: two first uploads of one device at
         * once then meet on the row lock below instead of on the primary key.
         */
        @Query("INSERT IGNORE INTO checklist_progress (device_id, municipality, needs_opt_in, updated_at)"
                + " VALUES (:deviceId, NULL, FALSE, :at)")
        void insertIfAbsent(long deviceId, java.time.Instant at);

        /** Locks the device's progress so that two uploads of one device replace it one after the other. */
        @Query("SELECT * FROM checklist_progress WHERE device_id = :deviceId FOR UPDATE")
        Optional<DeviceProgress> findForUpdate(long deviceId);

        @Query("SELECT municipality, COUNT(*) AS households, SUM(CASE WHEN needs_opt_in THEN 1 ELSE 0 END) AS opted_in"
                + " FROM checklist_progress WHERE municipality IN (:municipalities) GROUP BY municipality")
        List<ReadinessRows.Households> households(Collection<String> municipalities);
    }

    @JdbcRepository(dialect = Dialect.MYSQL)
    interface Lists extends CrudRepository<ProgressList, Long> {

        List<ProgressList> findByDeviceIdOrderByChecklistId(long deviceId);

        void deleteByDeviceId(long deviceId);

        @Query("SELECT municipality, checklist_id, COUNT(*) AS devices FROM checklist_progress_list"
                + " WHERE municipality IN (:municipalities) AND complete = TRUE GROUP BY municipality, checklist_id")
        List<ReadinessRows.Completed> completed(Collection<String> municipalities);
    }

    @JdbcRepository(dialect = Dialect.MYSQL)
    interface Items extends CrudRepository<ProgressItem, Long> {

        List<ProgressItem> findByDeviceIdOrderByItemId(long deviceId);

        void deleteByDeviceId(long deviceId);

        @Query("SELECT municipality, checklist_id, item_id, COUNT(*) AS devices FROM checklist_progress_item"
                + " WHERE municipality IN (:municipalities) GROUP BY municipality, checklist_id, item_id")
        List<ReadinessRows.Items> done(Collection<String> municipalities);
    }

    @JdbcRepository(dialect = Dialect.MYSQL)
    interface Needs extends CrudRepository<ProgressNeed, Long> {

        List<ProgressNeed> findByDeviceIdOrderByCategory(long deviceId);

        void deleteByDeviceId(long deviceId);

        @Query("SELECT municipality, category, COUNT(*) AS devices FROM checklist_progress_need"
                + " WHERE municipality IN (:municipalities) GROUP BY municipality, category")
        List<ReadinessRows.Needs> needs(Collection<String> municipalities);
    }

    @JdbcRepository(dialect = Dialect.MYSQL)
    interface Weeks extends CrudRepository<ProgressWeek, Long> {

        Optional<ProgressWeek> findByDeviceIdAndWeekTo(long deviceId, int weekTo);

        void deleteByDeviceId(long deviceId);

        /** The spans that overlap the weeks {@code [first, last]}, counted per municipality and state. */
        @Query("SELECT municipality, week_from, week_to, kit_complete, plan_complete, COUNT(*) AS devices"
                + " FROM checklist_progress_week WHERE municipality IN (:municipalities) AND week_to > :first"
                + " AND week_from <= :last GROUP BY municipality, week_from, week_to, kit_complete, plan_complete")
        List<ReadinessRows.Spans> spans(Collection<String> municipalities, int first, int last);
    }
}
