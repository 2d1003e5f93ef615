package nl.paraat.alert;

import io.micronaut.context.annotation.Requires;
import io.micronaut.context.env.Environment;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.json.JsonMapper;
import io.micronaut.transaction.annotation.ReadOnly;
import jakarta.inject.Singleton;
import nl.paraat.common.ProblemException;
import nl.paraat.common.Representation;
import nl.paraat.content.ContentService;
import nl.paraat.content.Hazard;
import nl.paraat.region.RegionService;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What residents read: the alerts active where they are, in their language, and every published
 * message as JSON, CAP and Atom, for the app, the offline bundle and other warning systems.
 */
@Singleton
@Requires(notEnv = Environment.CLI)
public class ResidentAlerts {

    private final AlertRepositories.Messages messages;
    private final AlertRepositories.Infos infos;
    private final ContentService content;
    private final RegionService regions;
    private final JsonMapper json;
    private final Clock clock;

    ResidentAlerts(AlertRepositories.Messages messages, AlertRepositories.Infos infos, ContentService content,
                   RegionService regions, JsonMapper json, Clock clock) {
        this.messages = messages;
        this.infos = infos;
        this.content = content;
        this.regions = regions;
        this.json = json;
        this.clock = clock;
    }

    /** A published message as CAP 1.2 XML. */
    @ReadOnly
    String exportCap(long id) {
        AlertMessage message = messages.findById(id).filter(found -> found.publishedAt() != null)
                .orElseThrow(() -> ProblemException.notFound("No alert " + id + "."));
        AlertMessage referenced = message.referencesId() == null ? null : messages.findById(message.referencesId()).orElse(null);
        return CapWriter.write(message, infos.findByAlertIdOrderByLanguage(id), referenced, regions);
    }

    @ReadOnly
    String atom(@Nullable String area, @Nullable String locale, String baseUrl) {
        if (area == null || area.isBlank()) {
            throw ProblemException.invalid("area", "Give a municipality (GMxxxx) or safety region (VRxx) code.");
        }
        AlertViews.PublicAlerts alerts = activeAlerts(area, null, null, locale, null, false);
        return AtomFeed.write(area.strip().toUpperCase(Locale.ROOT), baseUrl, alerts.alerts(), clock.instant());
    }

    /** The alerts active in an area now, in the language (else Dutch), for the offline bundle; by id. */
    @ReadOnly
    public java.util.Map<String, Object> offlineAlerts(String area, String locale) {
        java.util.Map<String, Object> active = new java.util.TreeMap<>();
        activeAlerts(area, null, null, locale, null, false).alerts()
                .forEach(alert -> active.put(Long.toString(alert.id()), alert));
        return active;
    }

    /**
     * The active messages for a municipality or safety region (or the municipality of a point), newest
     * first, in the requested language. Exercises and tests only for residents who asked for them.
     */
    @ReadOnly
    Representation active(@Nullable String area, @Nullable Double lat, @Nullable Double lon, @Nullable String locale,
                          @Nullable String acceptLanguage, boolean includeTests) {
        return Representation.json(json, activeAlerts(area, lat, lon, locale, acceptLanguage, includeTests));
    }

    private AlertViews.PublicAlerts activeAlerts(@Nullable String area, @Nullable Double lat, @Nullable Double lon,
                                                 @Nullable String locale, @Nullable String acceptLanguage,
                                                 boolean includeTests) {
        Set<String> municipalities = municipalities(area, lat, lon);
        String language = content.locale(locale, acceptLanguage);
        Instant now = clock.instant();
        List<AlertMessage> matching = messages.findByStateOrderByPublishedAtDesc(AlertState.PUBLISHED).stream()
                .filter(message -> message.expires().isAfter(now))
                // A cancellation ends what residents see; it is pushed, not listed as a warning of its own.
                .filter(message -> message.msgType() != Cap.MsgType.Cancel)
                .filter(message -> includeTests || message.status() == Cap.Status.Actual)
                .filter(message -> AlertSteps.split(message.affectedMunicipalities(), ",").stream()
                        .anyMatch(municipalities::contains))
                .toList();
        Map<Long, List<AlertInfo>> texts = texts(matching);
        List<AlertViews.PublicAlert> alerts = matching.stream()
                .map(message -> publicView(message, texts.getOrDefault(message.id(), List.of()), language))
                .toList();
        return new AlertViews.PublicAlerts(language, alerts);
    }

    /** A message that has been published, whatever became of it since; drafts are not public. */
    @ReadOnly
    AlertViews.PublicAlertDetail publicAlert(long id, @Nullable String locale, @Nullable String acceptLanguage) {
        AlertMessage message = messages.findById(id)
                .filter(found -> found.publishedAt() != null)
                .orElseThrow(() -> ProblemException.notFound("No alert " + id + "."));
        return new AlertViews.PublicAlertDetail(publicView(message, infos.findByAlertIdOrderByLanguage(id),
                content.locale(locale, acceptLanguage)), AlertGeoJson.of(message, regions));
    }

    private Set<String> municipalities(@Nullable String area, @Nullable Double lat, @Nullable Double lon) {
        if (area != null && !area.isBlank()) {
            String code = area.strip().toUpperCase(Locale.ROOT);
            if (code.equals(RegionService.NATIONAL) || !regions.isKnownArea(code)) {
                throw ProblemException.invalid("area", "Give a municipality (GMxxxx) or safety region (VRxx) code.");
            }
            return regions.municipalitiesOf(code);
        }
        if (lat == null || lon == null) {
            throw ProblemException.invalid(lat == null ? "lat" : "lon", "Give area, or lat and lon.");
        }
        return regions.locate(lat, lon).map(location -> Set.of(location.municipality().code()))
                .orElseThrow(() -> ProblemException.notFound("No Dutch municipality contains the point " + lat + ", " + lon + "."));
    }

    private Map<Long, List<AlertInfo>> texts(List<AlertMessage> matching) {
        if (matching.isEmpty()) {
            return Map.of();
        }
        return infos.findByAlertIdInOrderByLanguage(matching.stream().map(AlertMessage::id).toList()).stream()
                .collect(Collectors.groupingBy(AlertInfo::alertId));
    }

    private AlertViews.PublicAlert publicView(AlertMessage message, List<AlertInfo> texts, String language) {
        AlertInfo info = texts.stream().filter(text -> text.language().equals(language)).findFirst()
                .or(() -> texts.stream().filter(text -> text.language().equals("nl")).findFirst())
                .orElseThrow(() -> new IllegalStateException("Alert " + message.id() + " has no Dutch text"));
        List<String> municipalities = AlertSteps.split(message.affectedMunicipalities(), ",");
        Map<String, String> links = new LinkedHashMap<>();
        links.put("riskPage", "/api/v1/risks/" + message.hazard() + "?locale=" + language
                + (municipalities.isEmpty() ? "" : "&region=" + municipalities.get(0)));
        if (!municipalities.isEmpty()) {
            regions.interiorPoint(municipalities.get(0)).ifPresent(point -> links.put("nearestOpenPoints",
                    "/api/v1/points/nearest?lat=" + round(point[0]) + "&lon=" + round(point[1]) + "&status=active"));
        }
        boolean active = message.state() == AlertState.PUBLISHED && message.msgType() != Cap.MsgType.Cancel
                && message.expires().isAfter(clock.instant());
        return new AlertViews.PublicAlert(message.id(), message.identifier(), message.status(),
                message.status() != Cap.Status.Actual, message.msgType(), Hazard.find(message.hazard()).orElseThrow(),
                message.category(), message.urgency(), message.severity(), message.certainty(), message.responseType(),
                message.onset(), message.expires(), message.publishedAt(), message.web(), info.language(),
                !info.language().equals(language), info.event(), info.headline(), info.description(), info.instruction(),
                AlertSteps.split(message.areaCodes(), ","), municipalities, message.organisation(), active,
                message.state(), links);
    }

    private static double round(double degrees) {
        return Math.round(degrees * 10_000) / 10_000.0;
    }
}
