package nl.paraat.content;

import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.env.Environment;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.json.JsonMapper;
import io.micronaut.transaction.annotation.Transactional;
import nl.paraat.audit.AuditService;
import nl.paraat.common.ProblemException;
import nl.paraat.common.Representation;
import nl.paraat.region.RegionService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Serves the content folder. It is loaded and checked at start-up (an invalid folder stops the
 * server) and can be reloaded while running: the new version replaces the old in one step, and only
 * when it is valid.
 */
@Context
@Requires(notEnv = Environment.CLI)
public class ContentService {

    private static final Logger LOG = LoggerFactory.getLogger(ContentService.class);

    private final ContentConfiguration configuration;
    private final RegionService regions;
    private final AuditService audit;
    private final JsonMapper json;
    private final Clock clock;
    private final Path folder;
    private final ContentLoader loader;
    private final AtomicReference<ContentSnapshot> current = new AtomicReference<>();

    ContentService(ContentConfiguration configuration, RegionService regions, AuditService audit, JsonMapper json,
                   Clock clock) {
        this.configuration = configuration;
        this.regions = regions;
        this.audit = audit;
        this.json = json;
        this.clock = clock;
        this.folder = ContentFolder.locate(configuration);
        this.loader = new ContentLoader(configuration, regions);
        ContentLoader.Result result = loader.load(folder);
        result.warnings().forEach(warning -> LOG.debug("{}", warning));
        if (!result.valid()) {
            result.errors().forEach(error -> LOG.error("{}", error));
            throw new IllegalStateException("The content folder " + folder + " has " + result.errors().size()
                    + " errors; the first: " + result.errors().get(0));
        }
        current.set(new ContentSnapshot(result.pages(), configuration.sourceLocale()));
        LOG.info("Content {} loaded from {}: {} pages", current.get().version(), folder, result.pages().size());
    }

    /** The area codes a request's {@code region} stands for, most specific first. */
    private List<String> areas(@Nullable String region) {
        if (region == null || region.isBlank()) {
            return List.of();
        }
        String code = region.strip().toUpperCase(java.util.Locale.ROOT);
        if (code.equals(RegionService.NATIONAL) || !regions.isKnownArea(code)) {
            throw ProblemException.invalid("region", "Unknown region '" + region + "'; use a GMxxxx or VRxx code.");
        }
        return regions.safetyRegionOf(code).map(vr -> List.of(code, vr)).orElse(List.of(code));
    }

    public String locale(@Nullable String requested, @Nullable String acceptLanguage) {
        return LocaleChoice.choose(requested, acceptLanguage, configuration.locales());
    }

    Representation index(String locale, @Nullable String region, @Nullable String kind, @Nullable String tag) {
        ContentKind wanted = kind == null || kind.isBlank() ? null : ContentKind.find(kind).orElseThrow(() ->
                ProblemException.invalid("kind", "Unknown kind '" + kind + "'; use page, risk, checklist, contact or profile."));
        ContentSnapshot snapshot = current.get();
        List<ContentViews.Summary> items = snapshot.resolveAll(areas(region), locale, clock.instant()).stream()
                .filter(resolved -> wanted == null || resolved.page().kind() == wanted)
                .filter(resolved -> tag == null || resolved.page().tags().contains(tag))
                .map(ContentViews.Summary::of)
                .sorted(Comparator.comparingInt(ContentViews.Summary::order).thenComparing(ContentViews.Summary::title))
                .toList();
        return Representation.json(json, new ContentViews.Index(snapshot.version(), locale, normalised(region), items));
    }

    Representation page(String id, String locale, @Nullable String region) {
        ContentSnapshot snapshot = current.get();
        ContentSnapshot.Resolved resolved = snapshot.resolve(id, areas(region), locale, clock.instant())
                .orElseThrow(() -> ProblemException.notFound("No page '" + id + "'."));
        return snapshot.cached(new PageKey(resolved.page(), resolved.fallback()),
                key -> Representation.json(json, ContentViews.Detail.of(key.page(), key.fallback())));
    }

    Representation risks(String locale, @Nullable String region) {
        ContentSnapshot snapshot = current.get();
        List<String> areas = areas(region);
        Instant now = clock.instant();
        List<Hazard> order = snapshot.resolve(ContentValidator.RISK_PROFILE_ID, areas, locale, now)
                .map(profile -> profile.page().hazards())
                .orElse(List.of(Hazard.values()));
        List<ContentViews.RiskSummary> risks = new ArrayList<>();
        for (Hazard hazard : order) {
            snapshot.risk(hazard, areas, locale, now).ifPresent(resolved -> risks.add(ContentViews.RiskSummary.of(hazard, resolved)));
        }
        return Representation.json(json, new ContentViews.RiskProfile(snapshot.version(), locale, normalised(region), risks));
    }

    Representation risk(String hazardCode, String locale, @Nullable String region) {
        Hazard hazard = Hazard.find(hazardCode)
                .orElseThrow(() -> ProblemException.notFound("No hazard '" + hazardCode + "'."));
        ContentSnapshot snapshot = current.get();
        ContentSnapshot.Resolved resolved = snapshot.risk(hazard, areas(region), locale, clock.instant())
                .orElseThrow(() -> ProblemException.notFound("No advice for hazard '" + hazardCode + "'."));
        return snapshot.cached(new PageKey(resolved.page(), resolved.fallback()),
                key -> Representation.json(json, ContentViews.Detail.of(key.page(), key.fallback())));
    }

    /**
     * A checklist for residents of a region (its overlays apply), in a language; empty when there is no
     * such checklist.
     */
    public java.util.Optional<LocalisedChecklist> checklist(String id, String locale, @Nullable String region) {
        return withAdditions(current.get(), id, areas(region), locale, clock.instant());
    }

    /** The checklist with the regional additions that apply, all from one snapshot. */
    private java.util.Optional<LocalisedChecklist> withAdditions(ContentSnapshot snapshot, String id, List<String> areas,
                                                                 String locale, Instant now) {
        return localised(snapshot, id, areas, locale, now).map(base -> {
            List<LocalisedChecklist> additions = snapshot.additionsTo(id, areas, locale, now).stream()
                    .map(addition -> localised(snapshot, addition.page().id(), areas, locale, now))
                    .flatMap(java.util.Optional::stream).toList();
            return additions.isEmpty() ? base : base.with(additions);
        });
    }

    private java.util.Optional<LocalisedChecklist> localised(ContentSnapshot snapshot, String id, List<String> areas,
                                                             String locale, Instant now) {
        return snapshot.resolve(id, areas, locale, now)
                .filter(resolved -> resolved.page().kind() == ContentKind.CHECKLIST)
                .flatMap(chosen -> snapshot.resolve(id, areas, configuration.sourceLocale(), now)
                        .filter(source -> source.level() == chosen.level())
                        .map(source -> snapshot.cached(new ChecklistKey(source.page(), chosen.page(), locale),
                                key -> LocalisedChecklist.of(key.source(), key.chosen(), key.locale(), snapshot.version()))));
    }

    /** The ids of a checklist's items as published nationally; empty when there is no such checklist. */
    public java.util.Optional<java.util.Set<String>> checklistItemIds(String id) {
        return checklist(id, configuration.sourceLocale(), null).map(checklist -> checklist.template().itemIds());
    }

    /** Every page residents of the region may read, in the language (else Dutch), for the offline bundle; by id. */
    public java.util.Map<String, Object> offlinePages(String locale, @Nullable String region) {
        java.util.Map<String, Object> pages = new java.util.TreeMap<>();
        current.get().resolveAll(areas(region), locale, clock.instant()).stream()
                .filter(resolved -> resolved.page().addsTo() == null)
                .forEach(resolved -> pages.put(resolved.page().id(), ContentViews.Offline.of(resolved.page(), resolved.fallback())));
        return pages;
    }

    /** Every checklist of the region with its rules and prompts, for the offline bundle; by id. */
    public java.util.Map<String, Object> offlineChecklists(String locale, @Nullable String region) {
        java.util.Map<String, Object> checklists = new java.util.TreeMap<>();
        ContentSnapshot snapshot = current.get();
        List<String> areas = areas(region);
        Instant now = clock.instant();
        snapshot.resolveAll(areas, locale, now).stream()
                .filter(resolved -> resolved.page().kind() == ContentKind.CHECKLIST && resolved.page().addsTo() == null)
                .forEach(resolved -> withAdditions(snapshot, resolved.page().id(), areas, locale, now)
                        .ifPresent(checklist -> checklists.put(checklist.id(), checklist.withoutContentVersion())));
        return checklists;
    }

    private record ChecklistKey(Page source, Page chosen, String locale) {
    }

    /** Reads the folder again and swaps it in when it is valid; an invalid folder leaves the served version as it was. */
    @Transactional
    ContentViews.ReloadResult reload(String actor, String organisation) {
        ContentLoader.Result result = loader.load(folder);
        String before = current.get().version();
        if (!result.valid()) {
            audit.record(actor, organisation, "content.reload-refused", "content", before,
                    result.errors().size() + " errors; first: " + result.errors().get(0));
            return new ContentViews.ReloadResult(false, before, current.get().pageCount(), result.errors(), result.warnings());
        }
        ContentSnapshot next = new ContentSnapshot(result.pages(), configuration.sourceLocale());
        current.set(next);
        audit.record(actor, organisation, "content.reloaded", "content", next.version(),
                "from " + before + ", " + next.pageCount() + " pages");
        LOG.info("Content {} reloaded by {}: {} pages", next.version(), actor, next.pageCount());
        return new ContentViews.ReloadResult(true, next.version(), next.pageCount(), List.of(), result.warnings());
    }

    public String version() {
        return current.get().version();
    }

    public java.time.Duration maxAge() {
        return configuration.maxAge();
    }

    private record PageKey(Page page, boolean fallback) {
    }


    @Nullable
    private static String normalised(@Nullable String region) {
        return region == null || region.isBlank() ? null : region.strip().toUpperCase(java.util.Locale.ROOT);
    }
}
