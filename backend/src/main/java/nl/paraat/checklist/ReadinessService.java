package nl.paraat.checklist;

import io.micronaut.context.annotation.Requires;
import io.micronaut.context.env.Environment;
import io.micronaut.transaction.annotation.ReadOnly;
import jakarta.inject.Singleton;
import nl.paraat.auth.Actor;
import nl.paraat.auth.Caller;
import nl.paraat.auth.OrganisationService;
import nl.paraat.auth.Role;
import nl.paraat.common.ProblemException;
import nl.paraat.region.AreaRef;
import nl.paraat.region.RegionService;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/** Readiness statistics for authorities, tallied per municipality and published only as {@link Disclosure} allows. */
@Singleton
@Requires(notEnv = Environment.CLI)
class ReadinessService {

    private final ProgressRepositories.Progress progress;
    private final ProgressRepositories.Lists lists;
    private final ProgressRepositories.Items items;
    private final ProgressRepositories.Needs needs;
    private final ProgressRepositories.Weeks weeks;
    private final ChecklistService checklists;
    private final RegionService regions;
    private final OrganisationService organisations;
    private final ReadinessConfiguration configuration;
    private final Clock clock;

    ReadinessService(ProgressRepositories.Progress progress, ProgressRepositories.Lists lists,
                     ProgressRepositories.Items items, ProgressRepositories.Needs needs, ProgressRepositories.Weeks weeks,
                     ChecklistService checklists, RegionService regions, OrganisationService organisations,
                     ReadinessConfiguration configuration, Clock clock) {
        this.progress = progress;
        this.lists = lists;
        this.items = items;
        this.needs = needs;
        this.weeks = weeks;
        this.checklists = checklists;
        this.regions = regions;
        this.organisations = organisations;
        this.configuration = configuration;
        this.clock = clock;
    }

    /** For an admin or editor of an organisation whose area covers the region (NL, VRxx or GMxxxx). */
    @ReadOnly
    ReadinessStats readiness(String region, Caller caller) {
        if (!caller.roles().contains(Role.ADMIN) && !caller.roles().contains(Role.EDITOR)) {
            throw ProblemException.forbidden("This needs the role 'admin' or 'editor'.");
        }
        String code = region == null ? "" : region.strip().toUpperCase(Locale.ROOT);
        if (!regions.isKnownArea(code)) {
            throw ProblemException.invalid("region", "Give NL, a safety region (VRxx) or a municipality (GMxxxx) code.");
        }
        Actor actor = organisations.actor(caller);
        if (!regions.covers(actor.area(), code)) {
            throw ProblemException.forbidden("The area of organisation '" + actor.organisation() + "' does not cover "
                    + code + ".");
        }
        return readiness(code);
    }

    /** The statistics of a known area code, without asking who wants them: for the benchmark. */
    @ReadOnly
    ReadinessStats readiness(String code) {
        Set<String> municipalities = regions.municipalitiesOf(code);
        Map<String, Integer> households = new HashMap<>();
        Map<String, Integer> optedIn = new HashMap<>();
        for (ReadinessRows.Households row : progress.households(municipalities)) {
            households.put(row.municipality(), (int) row.households());
            optedIn.put(row.municipality(), (int) row.optedIn());
        }
        Map<String, Map<String, Integer>> completed = new HashMap<>();
        lists.completed(municipalities).forEach(row -> completed.computeIfAbsent(row.checklistId(), c -> new HashMap<>())
                .put(row.municipality(), (int) row.devices()));
        Map<String, Map<String, Map<String, Integer>>> done = new TreeMap<>();
        items.done(municipalities).forEach(row -> done.computeIfAbsent(row.checklistId(), c -> new TreeMap<>())
                .computeIfAbsent(row.itemId(), i -> new HashMap<>()).put(row.municipality(), (int) row.devices()));
        Map<String, Map<String, Integer>> needed = new HashMap<>();
        needs.needs(municipalities).forEach(row -> needed.computeIfAbsent(row.category(), c -> new HashMap<>())
                .put(row.municipality(), (int) row.devices()));

        Disclosure disclosure = new Disclosure(configuration.k());
        List<String> taking = municipalities.stream().filter(m -> disclosure.takesPart(households.getOrDefault(m, 0))).toList();
        Integer total = disclosure.households("households", households.values());
        ReadinessStats.Figure kit = disclosure.figure("completeKit",
                cells(taking, completed.getOrDefault(ProgressService.KIT, Map.of()), households));
        ReadinessStats.Figure plan = disclosure.figure("plan",
                cells(taking, completed.getOrDefault(ProgressService.PLAN, Map.of()), households));
        Map<String, Map<String, ReadinessStats.Figure>> itemFigures = new LinkedHashMap<>();
        checklistsIn(done).forEach(checklist -> {
            Map<String, ReadinessStats.Figure> figures = new TreeMap<>();
            SortedSet<String> ids = new TreeSet<>(checklists.itemIds(checklist).orElse(Set.of()));
            ids.addAll(done.getOrDefault(checklist, Map.of()).keySet());
            for (String item : ids) {
                figures.put(item, disclosure.figure("items." + checklist + "." + item,
                        cells(taking, done.getOrDefault(checklist, Map.of()).getOrDefault(item, Map.of()), households)));
            }
            itemFigures.put(checklist, figures);
        });
        ReadinessStats.Figure opted = disclosure.figure("needs.optedIn", cells(taking, optedIn, households));
        Map<String, ReadinessStats.Figure> categories = new LinkedHashMap<>();
        for (SupportNeed need : SupportNeed.values()) {
            categories.put(need.code(), disclosure.figure("needs.categories." + need.code(),
                    cells(taking, needed.getOrDefault(need.code(), Map.of()), households)));
        }
        List<ReadinessStats.Week> series = weekly(municipalities, disclosure);
        int takingPart = taking.size();
        return new ReadinessStats(regions.area(code).orElse(new AreaRef(code, code)), configuration.k(), total,
                new ReadinessStats.Municipalities(takingPart, municipalities.size() - takingPart), kit, plan, itemFigures,
                new ReadinessStats.Needs(opted, categories), series, disclosure.suppressed(), Disclosure.RULE);
    }

    /** Each week's figures come from the state every device was in at the end of that week. */
    private List<ReadinessStats.Week> weekly(Set<String> municipalities, Disclosure disclosure) {
        List<Integer> series = IsoWeeks.lastWeeks(clock.instant(), configuration.weeks());
        Map<Integer, Map<String, Integer>> households = new HashMap<>();
        Map<Integer, Map<String, Integer>> kits = new HashMap<>();
        Map<Integer, Map<String, Integer>> plans = new HashMap<>();
        for (ReadinessRows.Spans span : weeks.spans(municipalities, series.get(0), series.get(series.size() - 1))) {
            for (int week : series) {
                if (span.weekFrom() <= week && week < span.weekTo()) {
                    int devices = (int) span.devices();
                    households.computeIfAbsent(week, w -> new HashMap<>()).merge(span.municipality(), devices, Integer::sum);
                    if (span.kitComplete()) {
                        kits.computeIfAbsent(week, w -> new HashMap<>()).merge(span.municipality(), devices, Integer::sum);
                    }
                    if (span.planComplete()) {
                        plans.computeIfAbsent(week, w -> new HashMap<>()).merge(span.municipality(), devices, Integer::sum);
                    }
                }
            }
        }
        List<ReadinessStats.Week> result = new ArrayList<>();
        for (int week : series) {
            String name = "weeks." + IsoWeeks.label(week) + ".";
            Map<String, Integer> inWeek = households.getOrDefault(week, Map.of());
            List<String> taking = municipalities.stream().filter(m -> disclosure.takesPart(inWeek.getOrDefault(m, 0))).toList();
            result.add(new ReadinessStats.Week(IsoWeeks.label(week), disclosure.households(name + "households", inWeek.values()),
                    disclosure.figure(name + "completeKit", cells(taking, kits.getOrDefault(week, Map.of()), inWeek)),
                    disclosure.figure(name + "plan", cells(taking, plans.getOrDefault(week, Map.of()), inWeek))));
        }
        return result;
    }

    /** The kit and plan always, and any other checklist someone reported items of. */
    private static SortedSet<String> checklistsIn(Map<String, ?> done) {
        SortedSet<String> ids = new TreeSet<>(List.of(ProgressService.KIT, ProgressService.PLAN));
        ids.addAll(done.keySet());
        return ids;
    }

    private static List<Disclosure.Cell> cells(List<String> municipalities, Map<String, Integer> counts,
                                               Map<String, Integer> households) {
        return municipalities.stream()
                .map(m -> new Disclosure.Cell(counts.getOrDefault(m, 0), households.getOrDefault(m, 0)))
                .toList();
    }
}
