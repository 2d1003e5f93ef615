package nl.paraat.checklist;

import io.micronaut.context.annotation.Requires;
import io.micronaut.context.env.Environment;
import io.micronaut.runtime.event.annotation.EventListener;
import io.micronaut.transaction.TransactionDefinition;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import nl.paraat.device.DeviceErased;
import nl.paraat.device.DeviceService;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Residents' checklist progress, kept per anonymous device: each upload replaces all of it. */
@Singleton
@Requires(notEnv = Environment.CLI)
class ProgressService {

    static final String KIT = "emergency-kit";
    static final String PLAN = "household-plan";

    private final DeviceService devices;
    private final ProgressRules rules;
    private final ProgressRepositories.Progress progress;
    private final ProgressRepositories.Lists lists;
    private final ProgressRepositories.Items items;
    private final ProgressRepositories.Needs needs;
    private final ProgressRepositories.Weeks weeks;
    private final Clock clock;

    ProgressService(DeviceService devices, ProgressRules rules, ProgressRepositories.Progress progress,
                    ProgressRepositories.Lists lists, ProgressRepositories.Items items, ProgressRepositories.Needs needs,
                    ProgressRepositories.Weeks weeks, Clock clock) {
        this.devices = devices;
        this.rules = rules;
        this.progress = progress;
        this.lists = lists;
        this.items = items;
        this.needs = needs;
        this.weeks = weeks;
        this.clock = clock;
    }

    /** Last write wins: the report replaces everything stored for the device, or nothing when it is invalid. */
    @Transactional
    ProgressViews.Stored replace(String deviceId, String secret, ProgressViews.Report report) {
        long device = devices.authenticate(deviceId, secret);
        ProgressRules.Valid valid = rules.validate(report);
        // whole seconds: nothing needs more, and Connector/J drops fractions on MariaDB anyway
        Instant now = Instant.now(clock).truncatedTo(ChronoUnit.SECONDS);
        String municipality = valid.municipality();
        progress.insertIfAbsent(device, now);
        progress.findForUpdate(device).orElseThrow();
        progress.update(new DeviceProgress(device, municipality, valid.optIn(), now));
        lists.deleteByDeviceId(device);
        items.deleteByDeviceId(device);
        needs.deleteByDeviceId(device);
        List<ProgressList> newLists = new ArrayList<>();
        List<ProgressItem> newItems = new ArrayList<>();
        valid.checklists().forEach((checklist, state) -> {
            newLists.add(new ProgressList(null, device, municipality, checklist, state.complete()));
            state.done().forEach(item -> newItems.add(new ProgressItem(null, device, municipality, checklist, item)));
        });
        lists.saveAll(newLists);
        items.saveAll(newItems);
        needs.saveAll(valid.categories().stream()
                .map(need -> new ProgressNeed(null, device, municipality, need.code())).toList());
        recordWeek(device, municipality, IsoWeeks.of(now), valid.complete(KIT), valid.complete(PLAN));
        return stored(device, municipality, valid.optIn(), now);
    }

    ProgressViews.Stored get(String deviceId, String secret) {
        long device = devices.authenticate(deviceId, secret);
        return progress.findById(device)
                .map(found -> stored(device, found.municipality(), found.needsOptIn(), found.updatedAt()))
                .orElseGet(() -> new ProgressViews.Stored(null, Map.of(), new ProgressViews.NeedsHelp(false, List.of()), null));
    }

    /** Erasure of the device: its progress goes in the same transaction, never later. */
    @EventListener
    @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
    void onDeviceErased(DeviceErased erased) {
        weeks.deleteByDeviceId(erased.deviceId());
        needs.deleteByDeviceId(erased.deviceId());
        items.deleteByDeviceId(erased.deviceId());
        lists.deleteByDeviceId(erased.deviceId());
        progress.deleteById(erased.deviceId());
    }

    /**
     * The weekly series needs the state at the end of each week, not every upload: a report within
     * the current span's week overwrites it, a later one closes it and opens a new span.
     */
    private void recordWeek(long device, String municipality, int week, boolean kit, boolean plan) {
        ProgressWeek open = weeks.findByDeviceIdAndWeekTo(device, IsoWeeks.OPEN).orElse(null);
        if (open != null && open.weekFrom() >= week) {
            weeks.update(new ProgressWeek(open.id(), device, municipality, open.weekFrom(), IsoWeeks.OPEN, kit, plan));
            return;
        }
        if (open != null) {
            weeks.update(new ProgressWeek(open.id(), device, open.municipality(), open.weekFrom(), week,
                    open.kitComplete(), open.planComplete()));
        }
        weeks.save(new ProgressWeek(null, device, municipality, week, IsoWeeks.OPEN, kit, plan));
    }

    private ProgressViews.Stored stored(long device, String municipality, boolean optIn, Instant updatedAt) {
        Map<String, List<String>> done = new TreeMap<>();
        items.findByDeviceIdOrderByItemId(device)
                .forEach(item -> done.computeIfAbsent(item.checklistId(), id -> new ArrayList<>()).add(item.itemId()));
        Map<String, ProgressViews.Checklist> checklists = new LinkedHashMap<>();
        lists.findByDeviceIdOrderByChecklistId(device).forEach(list -> checklists.put(list.checklistId(),
                new ProgressViews.Checklist(done.getOrDefault(list.checklistId(), List.of()), list.complete())));
        List<String> categories = needs.findByDeviceIdOrderByCategory(device).stream().map(ProgressNeed::category).toList();
        return new ProgressViews.Stored(municipality, checklists, new ProgressViews.NeedsHelp(optIn, categories), updatedAt);
    }
}
