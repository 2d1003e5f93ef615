package nl.paraat.device;

import io.micronaut.context.annotation.Requires;
import io.micronaut.context.event.ApplicationEventPublisher;
import io.micronaut.context.env.Environment;
import io.micronaut.http.HttpStatus;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import nl.paraat.common.ProblemException;
import nl.paraat.common.RetriedTransactions;
import nl.paraat.common.Secrets;
import nl.paraat.content.ContentConfiguration;
import nl.paraat.region.RegionService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Anonymous device registrations: a random id and secret, a push token, a language and the
 * municipalities followed. Nothing that identifies a person is accepted or kept.
 */
@Singleton
@Requires(notEnv = Environment.CLI)
public class DeviceService {

    static final Duration TOKEN_RETIREMENT = Duration.ofDays(270);
    private static final Logger LOG = LoggerFactory.getLogger(DeviceService.class);

    private final DeviceRepositories.Devices devices;
    private final DeviceRepositories.Areas areas;
    private final RegionService regions;
    private final Clock clock;
    private final ApplicationEventPublisher<DeviceSubscriptionChanged> events;
    private final ApplicationEventPublisher<DeviceErased> erasures;
    private final List<String> locales;
    private final RetriedTransactions transactions;

    DeviceService(DeviceRepositories.Devices devices, DeviceRepositories.Areas areas, RegionService regions, Clock clock,
                  ApplicationEventPublisher<DeviceSubscriptionChanged> events,
                  ApplicationEventPublisher<DeviceErased> erasures, ContentConfiguration content,
                  RetriedTransactions transactions) {
        this.transactions = transactions;
        this.devices = devices;
        this.areas = areas;
        this.regions = regions;
        this.clock = clock;
        this.events = events;
        this.erasures = erasures;
        this.locales = content.locales();
    }

    @Transactional
    DeviceViews.Registered register() {
        String secret = Secrets.random(32);
        Device device = devices.save(new Device(null, Secrets.randomHex(16), Secrets.hash(secret), null, null, null, "nl",
                false, null, now(), now()));
        return new DeviceViews.Registered(device.publicId(), secret);
    }

    /**
     * A phone's new token, language and municipalities. Runs at READ COMMITTED with the device's row
     * locked first and only the changed areas written, and again if the database picked it as a
     * deadlock victim: thousands of phones register at once after a campaign or an app update.
     */
    DeviceViews.View update(String deviceId, String secret, DeviceViews.Registration registration) {
        String locale = registration.locale().toLowerCase(Locale.ROOT);
        if (!locales.contains(locale)) {
            throw ProblemException.invalid("locale", "Unsupported locale '" + registration.locale() + "'.");
        }
        Set<String> followed = new TreeSet<>();
        for (String code : registration.areas()) {
            if (!regions.isKnownArea(code)) {
                throw ProblemException.invalid("areas", "Unknown municipality " + code + ".");
            }
            followed.add(code);
        }
        return transactions.write(() -> store(authenticated(devices.findByPublicIdForUpdate(deviceId), deviceId, secret),
                registration, locale, followed), DeviceService::isTokenTakenMeanwhile);
    }

    private DeviceViews.View store(Device device, DeviceViews.Registration registration, String locale, Set<String> followed) {
        String digest = PushTokens.digest(registration.pushToken());
        if (digest != null && !digest.equals(device.pushTokenDigest())) {
            devices.findByPushTokenDigestForUpdate(digest).ifPresent(this::releaseToken);
        }
        List<DeviceArea> stored = areas.findByDeviceIdOrderByMunicipality(device.id());
        List<String> before = stored.stream().map(DeviceArea::municipality).toList();
        Device updated = devices.update(new Device(device.id(), device.publicId(), device.secretHash(),
                registration.pushToken(), digest, registration.platform(), locale, registration.testAlerts(),
                registration.locationCell(), device.createdAt(), now()));
        List<DeviceArea> dropped = stored.stream().filter(area -> !followed.contains(area.municipality())).toList();
        if (!dropped.isEmpty()) {
            areas.deleteAll(dropped);
        }
        followed.stream().filter(code -> !before.contains(code))
                .forEach(code -> areas.save(new DeviceArea(null, device.id(), code)));
        events.publishEvent(new DeviceSubscriptionChanged(device.pushToken(), device.locale(), before, device.testAlerts(),
                updated.pushToken(), updated.locale(), List.copyOf(followed), updated.testAlerts()));
        return view(updated, List.copyOf(followed));
    }

    /**
     * A push token names one app installation: when a phone registers a token another device holds (the
     * app was reinstalled and registered anew, or its data restored), the other device loses it, or the
     * phone would get every alert twice. The other device keeps its areas and can register a token again.
     */
    private void releaseToken(Device holder) {
        List<String> areasOfHolder = followedBy(holder);
        devices.update(new Device(holder.id(), holder.publicId(), holder.secretHash(), null, null, holder.platform(),
                holder.locale(), holder.testAlerts(), holder.locationCell(), holder.createdAt(), holder.lastSeenAt()));
        events.publishEvent(new DeviceSubscriptionChanged(holder.pushToken(), holder.locale(), areasOfHolder,
                holder.testAlerts(), null, holder.locale(), areasOfHolder, holder.testAlerts()));
    }

    /** Two phones' registrations claimed the same free token at once: the second one runs again and takes it over. */
    private static boolean isTokenTakenMeanwhile(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof java.sql.SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("23")
                    && String.valueOf(sql.getMessage()).toLowerCase(Locale.ROOT).contains("uq_device_push_token")) {
                return true;
            }
        }
        return false;
    }

    DeviceViews.View get(String deviceId, String secret) {
        Device device = authenticated(deviceId, secret);
        return view(device, followedBy(device));
    }

    /** The right to erasure: everything about the device goes. */
    void delete(String deviceId, String secret) {
        transactions.write(() -> {
            erase(authenticated(devices.findByPublicIdForUpdate(deviceId), deviceId, secret));
            return null;
        });
    }

    private void erase(Device device) {
        List<String> before = followedBy(device);
        // before the device row goes, so that what other features keep about it can still refer to it
        erasures.publishEvent(new DeviceErased(device.id()));
        areas.deleteByDeviceId(device.id());
        devices.delete(device);
        events.publishEvent(new DeviceSubscriptionChanged(device.pushToken(), device.locale(), before, device.testAlerts(),
                null, null, List.of(), false));
    }

    /**
     * For other features' device endpoints: the internal id of the device with this public id and
     * secret. An unknown id gives 404 and a missing or wrong secret 401, as on the device's own endpoints.
     */
    public long authenticate(String deviceId, String secret) {
        return authenticated(deviceId, secret).id();
    }

    /**
     * Push tokens of apps that did not check in for 270 days are dropped; the device can register a new one.
     * {@link StaleTokenRetirement} does it every few hours on one instance.
     */
    @Transactional
    public int retireStaleTokens() {
        int retired = devices.retireTokensUnusedSince(now().minus(TOKEN_RETIREMENT));
        if (retired > 0) {
            LOG.info("Retired {} push tokens unused for {} days", retired, TOKEN_RETIREMENT.toDays());
        }
        return retired;
    }

    /**
     * The devices with a push token in the id range {@code [from, to]} that follow one of the
     * municipalities or are in one of the location cells. Test messages only reach devices that opted in.
     */
    @io.micronaut.transaction.annotation.ReadOnly
    public List<PushTarget> targets(long from, long to, java.util.Collection<String> municipalities,
                                    java.util.Collection<String> cells, boolean onlyTestOptIn) {
        java.util.Map<Long, DeviceRepositories.Devices.Target> found = new java.util.TreeMap<>();
        if (!municipalities.isEmpty()) {
            devices.findFollowing(from, to, municipalities).forEach(device -> found.put(device.id(), device));
        }
        if (!cells.isEmpty()) {
            devices.findInCells(from, to, cells).forEach(device -> found.put(device.id(), device));
        }
        return found.values().stream()
                .filter(device -> !onlyTestOptIn || device.testAlerts())
                .map(device -> new PushTarget(device.id(), device.pushToken(), device.locale()))
                .toList();
    }

    /** The lowest and highest device id, {0, 0} without devices; push work is split into ranges of ids between them. */
    public long[] deviceIdRange() {
        return new long[]{devices.minId(), devices.maxId()};
    }

    /** Drops tokens the push service reported as dead, so they are not tried again. */
    @Transactional
    public int retireTokens(java.util.Collection<String> tokens) {
        return tokens.isEmpty() ? 0 : devices.retireTokenDigests(tokens.stream().map(PushTokens::digest).toList());
    }

    /**
     * Retires the tokens that FCM no longer knows, found by their devices' ids rather than by the token
     * itself, which has no index; a device that registered a new token meanwhile keeps it.
     */
    public int retireTokensOf(java.util.Collection<PushTarget> targets) {
        return targets.isEmpty() ? 0 : devices.retireTokensOf(targets.stream().map(PushTarget::deviceId).toList(),
                targets.stream().map(PushTarget::token).toList());
    }

    private List<String> followedBy(Device device) {
        return areas.findByDeviceIdOrderByMunicipality(device.id()).stream().map(DeviceArea::municipality).toList();
    }

    private Device authenticated(String deviceId, String secret) {
        return authenticated(devices.findByPublicId(deviceId), deviceId, secret);
    }

    private static Device authenticated(Optional<Device> found, String deviceId, String secret) {
        Device device = found
                .orElseThrow(() -> ProblemException.notFound("No device " + deviceId + "."));
        if (secret == null || !Secrets.matches(secret, device.secretHash())) {
            throw new ProblemException(HttpStatus.UNAUTHORIZED, "unauthorized",
                    "Send the device's secret in the X-Device-Secret header.", List.of());
        }
        return device;
    }

    private static DeviceViews.View view(Device device, List<String> followed) {
        return new DeviceViews.View(device.publicId(), device.platform(), device.locale(), device.pushToken() != null,
                followed, device.locationCell(), device.testAlerts(), device.lastSeenAt());
    }

    private Instant now() {
        return Instant.now(clock).truncatedTo(ChronoUnit.MILLIS);
    }
}
