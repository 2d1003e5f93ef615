package nl.paraat.testing;

import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.context.ApplicationContext;

import javax.sql.DataSource;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/** A second Paraat instance on the test's database, as the other node of one deployment, and ways to race the two. */
public final class TwoInstances {

    private TwoInstances() {
    }

    /** Starts another instance (without its HTTP server) on the database of {@code first}. */
    public static ApplicationContext startBeside(ApplicationContext first, Map<String, Object> settings) {
        Map<String, Object> properties = new HashMap<>();
        properties.put("datasources.default.url", first.getRequiredProperty("datasources.default.url", String.class));
        properties.put("datasources.default.username", first.getRequiredProperty("datasources.default.username", String.class));
        properties.put("datasources.default.password", first.getProperty("datasources.default.password", String.class).orElse(""));
        properties.put("micronaut.server.port", "-1");
        properties.putAll(settings);
        return ApplicationContext.run(properties, "test");
    }

    /** Runs the tasks on threads of their own, released at the same moment, and waits for all of them. */
    public static void atTheSameMoment(Runnable... tasks) throws Exception {
        CyclicBarrier start = new CyclicBarrier(tasks.length);
        ExecutorService threads = Executors.newFixedThreadPool(tasks.length);
        try {
            List<Future<?>> running = new ArrayList<>();
            for (Runnable task : tasks) {
                running.add(threads.submit(() -> {
                    start.await(10, TimeUnit.SECONDS);
                    task.run();
                    return null;
                }));
            }
            for (Future<?> task : running) {
                task.get(60, TimeUnit.SECONDS);
            }
        } finally {
            threads.shutdownNow();
        }
    }

    /** How often this instance has run the body of a singleton job. */
    public static double jobRuns(ApplicationContext instance, String job) {
        return instance.getBean(MeterRegistry.class).counter("paraat.jobs.runs", "job", job).count();
    }

    /**
     * Lets the jobs' locks run out, as if their last rounds were long ago. The rows stay: ShedLock
     * remembers which it inserted and from then on only updates them.
     */
    public static void releaseJobLocks(DataSource dataSource) {
        Sql.execute(dataSource, "UPDATE shedlock SET lock_until = '2000-01-01 00:00:00'");
    }
}
