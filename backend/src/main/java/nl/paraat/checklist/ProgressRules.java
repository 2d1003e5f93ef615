package nl.paraat.checklist;

import io.micronaut.context.annotation.Requires;
import io.micronaut.context.env.Environment;
import io.micronaut.http.HttpStatus;
import jakarta.inject.Singleton;
import nl.paraat.common.Problem;
import nl.paraat.common.ProblemException;
import nl.paraat.region.RegionService;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Checks a progress report against the published checklists before anything is stored. Every id
 * must be a known one, so a report can carry no free text; all faults are named at once, by the
 * path of the JSON property (such as {@code checklists.emergency-kit.done[3]}).
 */
@Singleton
@Requires(notEnv = Environment.CLI)
class ProgressRules {

    static final int MAX_ITEMS = 200;
    private static final int MAX_ID_LENGTH = 64;

    private final ChecklistService checklists;
    private final RegionService regions;

    ProgressRules(ChecklistService checklists, RegionService regions) {
        this.checklists = checklists;
        this.regions = regions;
    }

    record State(SortedSet<String> done, boolean complete) {
    }

    record Valid(String municipality, Map<String, State> checklists, boolean optIn, Set<SupportNeed> categories) {

        boolean complete(String checklist) {
            State state = checklists.get(checklist);
            return state != null && state.complete();
        }
    }

    Valid validate(ProgressViews.Report report) {
        List<Problem.FieldError> errors = new ArrayList<>();
        String municipality = report.municipality();
        if (municipality != null && !regions.municipalitiesOf(municipality).equals(Set.of(municipality))) {
            errors.add(new Problem.FieldError("municipality", "Unknown municipality " + municipality + "."));
        }
        Map<String, State> states = new TreeMap<>();
        Map<String, ProgressViews.Checklist> reported = report.checklists() == null ? Map.of() : report.checklists();
        reported.forEach((id, checklist) -> checklist(id, checklist, errors).ifPresent(state -> states.put(id, state)));
        boolean optIn = report.needsHelp() != null && report.needsHelp().optIn();
        Set<SupportNeed> categories = EnumSet.noneOf(SupportNeed.class);
        List<String> asked = report.needsHelp() == null || report.needsHelp().categories() == null ? List.of()
                : report.needsHelp().categories();
        for (int i = 0; i < asked.size(); i++) {
            Optional<SupportNeed> need = Optional.ofNullable(asked.get(i)).flatMap(SupportNeed::find);
            if (need.isEmpty()) {
                errors.add(new Problem.FieldError("needsHelp.categories[" + i + "]",
                        "Unknown category; use mobility, medical-power, care-dependency or language."));
            } else if (optIn) {
                // without the household's consent its needs are not kept at all
                categories.add(need.get());
            }
        }
        if (!errors.isEmpty()) {
            String detail = errors.stream().map(e -> e.field() + ": " + e.message()).reduce((a, b) -> a + "; " + b).orElseThrow();
            throw new ProblemException(HttpStatus.BAD_REQUEST, "validation", detail, errors);
        }
        return new Valid(municipality, states, optIn, categories);
    }

    private Optional<State> checklist(String id, ProgressViews.Checklist checklist, List<Problem.FieldError> errors) {
        String field = "checklists." + (id.length() > MAX_ID_LENGTH ? id.substring(0, MAX_ID_LENGTH) + "…" : id);
        Optional<Set<String>> known = id.length() > MAX_ID_LENGTH ? Optional.empty() : checklists.itemIds(id);
        if (known.isEmpty()) {
            errors.add(new Problem.FieldError(field, "Unknown checklist."));
            return Optional.empty();
        }
        if (checklist == null) {
            errors.add(new Problem.FieldError(field, "must not be null"));
            return Optional.empty();
        }
        List<String> done = checklist.done() == null ? List.of() : checklist.done();
        if (done.size() > MAX_ITEMS) {
            errors.add(new Problem.FieldError(field + ".done", "At most " + MAX_ITEMS + " items."));
            return Optional.empty();
        }
        SortedSet<String> items = new TreeSet<>();
        for (int i = 0; i < done.size(); i++) {
            String item = done.get(i);
            if (item == null || !known.get().contains(item)) {
                errors.add(new Problem.FieldError(field + ".done[" + i + "]", "Unknown item of checklist " + id + "."));
            } else {
                items.add(item);
            }
        }
        return Optional.of(new State(items, checklist.complete()));
    }
}
