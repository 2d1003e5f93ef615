package nl.paraat.content;


import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * One complete, validated version of the content folder. Immutable apart from its response cache,
 * so requests keep reading a consistent version while a reload builds the next one.
 */
final class ContentSnapshot {

    private final String version;
    private final String sourceLocale;
    private final int pageCount;
    private final Map<String, List<Page>> variantsById;
    private final Map<Hazard, Set<String>> riskIdsByHazard = new EnumMap<>(Hazard.class);
    private final Map<String, List<String>> additionIdsByChecklist = new TreeMap<>();
    private final Map<Object, Object> responses = new ConcurrentHashMap<>();

    ContentSnapshot(List<Page> pages, String sourceLocale) {
        this.sourceLocale = sourceLocale;
        this.pageCount = pages.size();
        Map<String, List<Page>> byId = new TreeMap<>();
        StringBuilder digest = new StringBuilder();
        pages.stream().sorted(Comparator.comparing(Page::file)).forEach(page -> {
            byId.computeIfAbsent(page.id(), id -> new ArrayList<>()).add(page);
            digest.append(page.file()).append('=').append(page.hash()).append('\n');
            if (page.addsTo() != null && !additionIdsByChecklist.getOrDefault(page.addsTo(), List.of()).contains(page.id())) {
                additionIdsByChecklist.computeIfAbsent(page.addsTo(), id -> new ArrayList<>()).add(page.id());
            }
            if (page.kind() == ContentKind.RISK) {
                riskIdsByHazard.computeIfAbsent(page.hazards().get(0), h -> new TreeSet<>()).add(page.id());
            }
        });
        Map<String, List<Page>> frozen = new LinkedHashMap<>();
        byId.forEach((id, variants) -> frozen.put(id, List.copyOf(variants)));
        this.variantsById = frozen;
        this.version = ContentParser.hash(digest.toString());
    }

    String version() {
        return version;
    }

    int pageCount() {
        return pageCount;
    }

    /** A page chosen for a request, and whether it is in another language than the one asked for. */
    record Resolved(Page page, boolean fallback, int level) {
    }

    /**
     * The most specific visible version of a page: the municipality's, else the safety region's, else
     * the national one; in the requested language, else in the source language.
     *
     * @param areas the request's area codes, most specific first; national pages follow them
     */
    Optional<Resolved> resolve(String id, List<String> areas, String locale, Instant now) {
        List<Page> variants = variantsById.get(id);
        if (variants == null) {
            return Optional.empty();
        }
        for (int level = 0; level <= areas.size(); level++) {
            String area = level < areas.size() ? areas.get(level) : null;
            Page inSource = null;
            for (Page page : variants) {
                boolean applies = area == null ? page.national() : page.scope().contains(area);
                if (!applies || !page.visibleAt(now)) {
                    continue;
                }
                if (page.locale().equals(locale)) {
                    return Optional.of(new Resolved(page, false, level));
                }
                if (page.locale().equals(sourceLocale)) {
                    inSource = page;
                }
            }
            if (inSource != null) {
                return Optional.of(new Resolved(inSource, !locale.equals(sourceLocale), level));
            }
        }
        return Optional.empty();
    }

    List<Resolved> resolveAll(List<String> areas, String locale, Instant now) {
        List<Resolved> resolved = new ArrayList<>();
        for (String id : variantsById.keySet()) {
            resolve(id, areas, locale, now).ifPresent(resolved::add);
        }
        return resolved;
    }

    /** Regional checklists that add items to a checklist, for the request's areas: safety region first, then municipality. */
    List<Resolved> additionsTo(String checklistId, List<String> areas, String locale, Instant now) {
        List<Resolved> additions = new ArrayList<>();
        for (String id : additionIdsByChecklist.getOrDefault(checklistId, List.of())) {
            resolve(id, areas, locale, now).filter(resolved -> !resolved.page().national()).ifPresent(additions::add);
        }
        additions.sort(Comparator.comparingInt(Resolved::level).reversed());
        return additions;
    }

    /** The risk page for a hazard, preferring the most specific area, then the lowest order. */
    Optional<Resolved> risk(Hazard hazard, List<String> areas, String locale, Instant now) {
        return riskIdsByHazard.getOrDefault(hazard, Set.of()).stream()
                .map(id -> resolve(id, areas, locale, now))
                .flatMap(Optional::stream)
                .min(Comparator.comparingInt(Resolved::level).thenComparingInt(r -> r.page().order()));
    }

    @SuppressWarnings("unchecked")
    <K, V> V cached(K key, Function<K, V> compute) {
        return (V) responses.computeIfAbsent(key, k -> compute.apply((K) k));
    }
}
