package nl.paraat.device;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import nl.paraat.testing.Http;
import nl.paraat.testing.ServerTestSupport;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Many phones registering and changing the municipalities they follow at the same moment, as after a
 * campaign or an app update: on MariaDB the gap locks of a delete-and-reinsert of a device's areas made
 * concurrent registrations deadlock each other. Every request must succeed and every device must end
 * with exactly the areas it sent last.
 */
@MicronautTest(transactional = false)
class ConcurrentRegistrationsTest extends ServerTestSupport {

    private static final List<String> MUNICIPALITIES = List.of("GM0363", "GM0150", "GM0518", "GM0599", "GM0344",
            "GM0014", "GM0193", "GM0202", "GM0080", "GM0855");
    private static final int CLIENTS = 8;
    private static final int DEVICES_PER_CLIENT = 12;
    private static final int UPDATES_PER_DEVICE = 4;

    @Inject
    DeviceService service;

    @Test
    void concurrentRegistrationsAndAreaChangesAllSucceedAndEachDeviceKeepsWhatItSentLast() throws Exception {
        ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
        Map<String, String[]> devices = new ConcurrentHashMap<>();
        Map<String, TreeSet<String>> lastSent = new ConcurrentHashMap<>();
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        List<Future<?>> running = new ArrayList<>();
        for (int client = 0; client < CLIENTS; client++) {
            Random random = new Random(1_000 + client);
            running.add(clients.submit(() -> {
                for (int d = 0; d < DEVICES_PER_CLIENT; d++) {
                    Http.Response registered = http.post("/api/v1/devices", "", null);
                    if (registered.status() != 201) {
                        failures.add("POST " + registered.status() + " " + registered.body());
                        continue;
                    }
                    String id = registered.json().get("deviceId").getStringValue();
                    String secret = registered.json().get("deviceSecret").getStringValue();
                    devices.put(id, new String[]{secret});
                    for (int u = 0; u < UPDATES_PER_DEVICE; u++) {
                        TreeSet<String> areas = new TreeSet<>();
                        int count = 1 + random.nextInt(4);
                        while (areas.size() < count) {
                            areas.add(MUNICIPALITIES.get(random.nextInt(MUNICIPALITIES.size())));
                        }
                        String body = "{\"pushToken\":\"token-" + id + "-" + u + "\",\"platform\":\"android\",\"locale\":\"nl\","
                                + "\"areas\":[" + String.join(",", areas.stream().map(a -> "\"" + a + "\"").toList())
                                + "],\"testAlerts\":false}";
                        Http.Response updated = http.send("PUT", "/api/v1/devices/" + id, body,
                                DeviceController.SECRET_HEADER, secret);
                        if (updated.status() != 200) {
                            failures.add("PUT " + updated.status() + " " + updated.body());
                        } else {
                            lastSent.put(id, areas);
                        }
                    }
                }
            }));
        }
        for (Future<?> client : running) {
            client.get(5, TimeUnit.MINUTES);
        }
        clients.shutdown();

        assertThat(failures).as("requests that did not succeed").isEmpty();
        assertThat(devices).hasSize(CLIENTS * DEVICES_PER_CLIENT);
        devices.forEach((id, secret) -> assertThat(service.get(id, secret[0]).areas())
                .as("areas of " + id).containsExactlyElementsOf(lastSent.get(id)));
    }
}
