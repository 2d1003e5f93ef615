package nl.paraat.device;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import nl.paraat.testing.Http;
import nl.paraat.testing.ServerTestSupport;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A push token names one app installation. A phone that reinstalled the app, or restored its data,
 * registers as a new device with the token it already had; if the old registration kept it, the phone
 * would get every alert twice. The device that registered a token last holds it, however many phones
 * register at once.
 */
@MicronautTest(transactional = false)
class OnePushTokenPerDeviceTest extends ServerTestSupport {

    private static final List<String> AREAS = List.of("GM0150", "GM0363", "GM0518");

    @Inject
    DeviceService service;
    @Inject
    DeviceRepositories.Devices stored;

    @Test
    void aTokenRegisteredByAnotherDeviceLeavesTheOldRegistrationWithoutIt() {
        String token = "reinstalled-" + UUID.randomUUID();
        String[] old = register();
        String[] reinstalled = register();
        assertThat(put(old, token, "GM0150").status()).isEqualTo(200);
        assertThat(put(old, token, "GM0150").status()).as("the same device registering its own token again").isEqualTo(200);
        assertThat(service.get(old[0], old[1]).pushToken()).isTrue();

        assertThat(put(reinstalled, token, "GM0363").status()).isEqualTo(200);

        DeviceViews.View before = service.get(old[0], old[1]);
        assertThat(before.pushToken()).isFalse();
        assertThat(before.areas()).as("the old registration keeps its areas").containsExactly("GM0150");
        assertThat(service.get(reinstalled[0], reinstalled[1]).pushToken()).isTrue();
        assertThat(holdersOf(List.of(token))).as("devices an alert to both areas reaches with the token")
                .containsEntry(token, List.of(reinstalled[0]));
    }

    @Test
    void concurrentRegistrationsOfSharedTokensLeaveEachTokenWithOneDeviceThatSentItLast() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        List<String> tokens = new ArrayList<>();
        for (int t = 0; t < 5; t++) {
            tokens.add("shared-" + run + "-" + t);
        }
        List<String[]> devices = new ArrayList<>();
        for (int d = 0; d < 24; d++) {
            devices.add(register());
        }
        Map<String, String> lastSent = new ConcurrentHashMap<>();
        ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
        ExecutorService clients = Executors.newFixedThreadPool(8);
        List<Future<?>> running = new ArrayList<>();
        for (int client = 0; client < 8; client++) {
            List<String[]> own = devices.subList(client * 3, client * 3 + 3);
            Random random = new Random(7_000 + client);
            running.add(clients.submit(() -> {
                for (int round = 0; round < 8; round++) {
                    for (String[] device : own) {
                        String token = random.nextInt(6) == 0 ? "own-" + device[0] + "-" + round
                                : tokens.get(random.nextInt(tokens.size()));
                        Http.Response response = put(device, token, AREAS.get(random.nextInt(AREAS.size())));
                        if (response.status() != 200) {
                            failures.add(response.status() + " " + response.body());
                        } else {
                            lastSent.put(device[0], token);
                        }
                    }
                }
            }));
        }
        for (Future<?> client : running) {
            client.get(3, TimeUnit.MINUTES);
        }
        clients.shutdown();

        assertThat(failures).as("registrations that did not succeed").isEmpty();
        Map<String, List<String>> holders = holdersOf(tokens);
        holders.forEach((token, held) -> assertThat(held).as("devices holding " + token).hasSize(1));
        for (String[] device : devices) {
            DeviceViews.View view = service.get(device[0], device[1]);
            Optional<String> held = holders.entrySet().stream().filter(entry -> entry.getValue().contains(device[0]))
                    .map(Map.Entry::getKey).findFirst();
            boolean sentAnOwnTokenLast = lastSent.get(device[0]).startsWith("own-");
            assertThat(view.pushToken()).as("whether " + device[0] + " holds a token").isEqualTo(held.isPresent() || sentAnOwnTokenLast);
            held.ifPresent(token -> assertThat(lastSent.get(device[0])).as("token of " + device[0]).isEqualTo(token));
        }

        // Afterwards, whoever registers a token last holds it.
        Random random = new Random(99);
        Map<String, String> expected = new HashMap<>();
        for (String token : tokens) {
            String[] device = devices.get(random.nextInt(devices.size()));
            expected.values().remove(device[0]);
            expected.put(token, device[0]);
            assertThat(put(device, token, "GM0150").status()).isEqualTo(200);
        }
        Map<String, List<String>> after = holdersOf(tokens);
        expected.forEach((token, device) -> assertThat(after.get(token)).as("holders of " + token).containsExactly(device));
    }

    private String[] register() {
        Http.Response registered = http.post("/api/v1/devices", "", null);
        assertThat(registered.status()).isEqualTo(201);
        return new String[]{registered.json().get("deviceId").getStringValue(),
                registered.json().get("deviceSecret").getStringValue()};
    }

    private Http.Response put(String[] device, String token, String area) {
        String body = "{\"pushToken\":\"" + token + "\",\"platform\":\"android\",\"locale\":\"nl\","
                + "\"areas\":[\"" + area + "\"],\"testAlerts\":false}";
        return http.send("PUT", "/api/v1/devices/" + device[0], body, DeviceController.SECRET_HEADER, device[1]);
    }

    /** For each of the tokens, the public ids of the devices that a push to every area would send it to. */
    private Map<String, List<String>> holdersOf(List<String> tokens) {
        long[] range = service.deviceIdRange();
        Map<Long, String> publicIds = new HashMap<>();
        return service.targets(range[0], range[1], AREAS, List.of(), false).stream()
                .filter(target -> tokens.contains(target.token()))
                .collect(Collectors.groupingBy(PushTarget::token,
                        Collectors.mapping(target -> publicIds.computeIfAbsent(target.deviceId(), this::publicIdOf),
                                Collectors.toList())));
    }

    private String publicIdOf(long deviceId) {
        return stored.findById(deviceId).orElseThrow().publicId();
    }
}
