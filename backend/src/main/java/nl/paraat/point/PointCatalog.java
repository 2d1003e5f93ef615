package nl.paraat.point;

import io.micronaut.context.annotation.Requires;
import io.micronaut.context.env.Environment;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.runtime.event.annotation.EventListener;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Collection;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Holds the in-memory index of all points and keeps it in step with the database, which stays the
 * source of truth: rebuilt after every local change, and whenever the shared version row shows that
 * another instance changed points. Until the first build succeeds, searches go to the database.
 */
@Singleton
@Requires(notEnv = Environment.CLI)
class PointCatalog {

    private static final Logger LOG = LoggerFactory.getLogger(PointCatalog.class);

    private final PointStore store;
    private final PointConfiguration configuration;
    private final AtomicReference<PointIndex> index = new AtomicReference<>();

    PointCatalog(PointStore store, PointConfiguration configuration) {
        this.store = store;
        this.configuration = configuration;
    }

    @EventListener
    void onStartup(StartupEvent event) {
        refreshQuietly();
    }

    @Scheduled(fixedDelay = "${paraat.points.refresh-interval:2s}", initialDelay = "${paraat.points.refresh-interval:2s}")
    void pollForChanges() {
        PointIndex current = index.get();
        try {
            if (current == null || store.version() != current.version()) {
                refresh();
            }
        } catch (RuntimeException e) {
            LOG.warn("Checking the points version failed; searching with the current index: {}", e.getMessage());
        }
    }

    /** Rebuilds from the database now; the new index replaces the old one in a single step. */
    synchronized void refresh() {
        long started = System.nanoTime();
        PointStore.Loaded loaded = store.loadAll();
        PointIndex current = index.get();
        if (current != null && current.version() == loaded.version()) {
            return;
        }
        index.set(new PointIndex(loaded.points(), loaded.version()));
        LOG.info("Points index version {} built: {} points in {} ms", loaded.version(), loaded.points().size(),
                (System.nanoTime() - started) / 1_000_000);
    }

    void refreshQuietly() {
        try {
            refresh();
        } catch (RuntimeException e) {
            LOG.warn("Building the points index failed; searches use the database until it succeeds: {}", e.getMessage());
        }
    }

    /** @return the index, or null while it is cold */
    PointIndex index() {
        return index.get();
    }

    record Nearest(List<PointIndex.Hit> hits, boolean fromIndex) {
    }

    Nearest nearest(double latitude, double longitude, int k, int requiredFacilities, Collection<PointStatus> statuses,
                    double maxDistanceMetres) {
        PointIndex current = index.get();
        if (current != null) {
            int statusMask = 0;
            for (PointStatus status : statuses) {
                statusMask |= 1 << status.ordinal();
            }
            return new Nearest(current.nearest(latitude, longitude, k, requiredFacilities, statusMask, maxDistanceMetres), true);
        }
        return new Nearest(store.nearest(latitude, longitude, k, requiredFacilities, statuses, maxDistanceMetres), false);
    }

    /** @return the point, from the index or while it is cold from the database; null when there is none */
    Point find(long id) {
        PointIndex current = index.get();
        return current != null ? current.find(id) : store.find(id);
    }

    /** For tests and operations: forget the index, so that searches go to the database. */
    void drop() {
        index.set(null);
    }
}
