package nl.paraat.bundle;

import io.micronaut.context.annotation.Requires;
import io.micronaut.context.env.Environment;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;
import nl.paraat.alert.ResidentAlerts;
import nl.paraat.common.ProblemException;
import nl.paraat.common.SigningKeys;
import nl.paraat.content.ContentService;
import nl.paraat.point.PointService;
import nl.paraat.region.RegionService;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Offline bundles per area and language, built from content, points and alerts. A served bundle is
 * checked against its sources at most every few seconds and only rebuilt when an item changed; the
 * same sources give the same version and bytes on every instance.
 */
@Singleton
@Requires(notEnv = Environment.CLI)
public class BundleService {

    private final ContentService content;
    private final PointService points;
    private final ResidentAlerts alerts;
    private final RegionService regions;
    private final SigningKeys keys;
    private final BundleManifests manifests;
    private final BundleConfiguration configuration;
    private final JsonMapper json;
    private final Clock clock;
    private final Map<Key, Served> served = new ConcurrentHashMap<>();
    private final Map<String, RegionPart.View> regionParts = new ConcurrentHashMap<>();

    BundleService(ContentService content, PointService points, ResidentAlerts alerts, RegionService regions, SigningKeys keys,
                  BundleManifests manifests, BundleConfiguration configuration, JsonMapper json, Clock clock) {
        this.content = content;
        this.points = points;
        this.alerts = alerts;
        this.regions = regions;
        this.keys = keys;
        this.manifests = manifests;
        this.configuration = configuration;
        this.json = json;
        this.clock = clock;
    }

    private record Key(String region, String locale) {
    }

    /** One built version, its full response, and the deltas to it asked for so far. */
    private record Served(BundleContents contents, Instant createdAt, String safetyRegion, BundleResponse full,
                          Map<String, BundleResponse> deltas, long checkedAtNanos) {

        Served checkedAt(long nanos) {
            return new Served(contents, createdAt, safetyRegion, full, deltas, nanos);
        }
    }

    /** The full bundle, or the changes since {@code since} when that version is known and recent enough. */
    public BundleResponse bundle(String region, String locale, @Nullable String since) {
        Key key = new Key(area(region), locale);
        Served current = current(key);
        if (since == null || since.isBlank()) {
            return current.full();
        }
        String base = since.strip();
        BundleResponse known = current.deltas().get(base);
        if (known != null) {
            return known;
        }
        // Only deltas from versions this area had are kept: any string can be sent as a base.
        BundleManifest old = usableBase(key, base);
        return old == null ? current.full() : current.deltas().computeIfAbsent(base, b -> delta(key, current, b, old));
    }

    /** The version a phone should hold now. */
    public String version(String region, String locale) {
        return current(new Key(area(region), locale)).contents().version();
    }

    /** Forgets what was built, so that the next request checks every source at once. */
    public void recheckNow() {
        served.replaceAll((key, value) -> value.checkedAt(0));
    }

    private String area(@Nullable String region) {
        String code = region == null ? "" : region.strip().toUpperCase(Locale.ROOT);
        if (code.isEmpty() || code.equals(RegionService.NATIONAL) || !regions.isKnownArea(code)) {
            throw ProblemException.invalid("region", "Give a municipality (GMxxxx) or safety region (VRxx) code.");
        }
        return code;
    }

    private Served current(Key key) {
        Served known = served.get(key);
        if (known != null && System.nanoTime() - known.checkedAtNanos() < configuration.recheck().toNanos()) {
            return known;
        }
        return served.compute(key, (k, previous) -> {
            if (previous != null && previous != known && System.nanoTime() - previous.checkedAtNanos() < configuration.recheck().toNanos()) {
                return previous; // another request rebuilt it meanwhile
            }
            BundleContents contents = BundleContents.of(items(k), json);
            if (previous != null && previous.contents().version().equals(contents.version())) {
                return previous.checkedAt(System.nanoTime());
            }
            Instant createdAt = record(k, contents);
            String safetyRegion = RegionPart.safetyRegionOf(k.region(), regions);
            BundleResponse full = BundleResponse.of(
                    BundleWriter.full(contents, k.region(), safetyRegion, k.locale(), createdAt), contents.version(), keys);
            return new Served(contents, createdAt, safetyRegion, full, new ConcurrentHashMap<>(), System.nanoTime());
        });
    }

    private Map<String, Map<String, Object>> items(Key key) {
        String safetyRegion = RegionPart.safetyRegionOf(key.region(), regions);
        RegionPart.View area = regionParts.computeIfAbsent(key.region(), code -> RegionPart.of(code, regions));
        Set<String> municipalities = new HashSet<>(regions.municipalitiesOf(safetyRegion));
        area.neighbours().forEach(neighbour -> municipalities.addAll(regions.municipalitiesOf(neighbour.code())));
        Map<String, Object> signingKeys = new TreeMap<>();
        keys.publicKeys().forEach(jwk -> signingKeys.put(jwk.getKeyID(), jwk.toJSONObject()));
        Map<String, Map<String, Object>> items = new LinkedHashMap<>();
        items.put("pages", content.offlinePages(key.locale(), key.region()));
        items.put("checklists", content.offlineChecklists(key.locale(), key.region()));
        items.put("points", points.offlinePoints(municipalities));
        items.put("alerts", alerts.offlineAlerts(key.region(), key.locale()));
        items.put("area", Map.of(key.region(), area));
        items.put("keys", signingKeys);
        return items;
    }

    /** The version's first recorded moment, shared by all instances. */
    private Instant record(Key key, BundleContents contents) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        manifests.insertIfAbsent(contents.version(), key.region(), key.locale(), now, contents.manifest());
        return manifests.findById(contents.version()).map(BundleManifest::createdAt).orElse(now);
    }

    /** The recorded version to send changes from: of this area and language, and recent enough; otherwise null. */
    private @Nullable BundleManifest usableBase(Key key, String base) {
        return manifests.findById(base)
                .filter(old -> old.region().equals(key.region()) && old.locale().equals(key.locale())
                        && old.createdAt().isAfter(clock.instant().minus(configuration.deltaMaxAge())))
                .orElse(null);
    }

    private BundleResponse delta(Key key, Served current, String base, BundleManifest old) {
        Map<String, String> before = BundleContents.digests(old.manifest());
        Map<String, String> now = BundleContents.digests(current.contents().manifest());
        Map<String, Map<String, byte[]>> changed = new TreeMap<>();
        current.contents().groups().forEach((group, items) -> items.forEach((itemKey, bytes) -> {
            String path = group + "/" + itemKey;
            if (!now.get(path).equals(before.get(path))) {
                changed.computeIfAbsent(group, g -> new TreeMap<>()).put(itemKey, bytes);
            }
        }));
        Map<String, List<String>> removed = new TreeMap<>();
        before.keySet().stream().filter(path -> !now.containsKey(path)).forEach(path -> {
            int slash = path.indexOf('/');
            removed.computeIfAbsent(path.substring(0, slash), g -> new ArrayList<>()).add(path.substring(slash + 1));
        });
        byte[] body = BundleWriter.delta(current.contents(), changed, removed, base, key.region(), current.safetyRegion(),
                key.locale(), current.createdAt());
        return BundleResponse.of(body, current.contents().version(), keys);
    }
}
