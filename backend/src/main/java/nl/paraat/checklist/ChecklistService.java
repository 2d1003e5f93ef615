package nl.paraat.checklist;

import io.micronaut.context.annotation.Requires;
import io.micronaut.context.env.Environment;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import nl.paraat.common.ProblemException;
import nl.paraat.content.ContentService;
import nl.paraat.content.LocalisedChecklist;

import java.util.Optional;
import java.util.Set;

/** Checklists are content: this serves their templates and turns a household into a kit. */
@Singleton
@Requires(notEnv = Environment.CLI)
public class ChecklistService {

    static final String EMERGENCY_KIT = "emergency-kit";

    private final ContentService content;

    ChecklistService(ContentService content) {
        this.content = content;
    }

    /** The ids of a checklist's items as published nationally; empty for an unknown checklist. */
    public Optional<Set<String>> itemIds(String checklistId) {
        return content.checklistItemIds(checklistId);
    }

    LocalisedChecklist template(String id, String locale, @Nullable String region) {
        return content.checklist(id, locale, region).orElseThrow(() -> ProblemException.notFound("No checklist '" + id + "'."));
    }

    KitViews.Kit calculate(KitViews.Household household, String locale, @Nullable String region) {
        LocalisedChecklist kit = template(EMERGENCY_KIT, locale, region);
        return KitCalculator.calculate(kit, household.validated());
    }

    java.time.Duration maxAge() {
        return content.maxAge();
    }

    String locale(@Nullable String requested, @Nullable String acceptLanguage) {
        return content.locale(requested, acceptLanguage);
    }
}
