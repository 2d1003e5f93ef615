package nl.paraat.alert;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpStatus;
import jakarta.inject.Singleton;
import nl.paraat.auth.Actor;
import nl.paraat.common.Problem;
import nl.paraat.common.ProblemException;
import nl.paraat.content.ContentConfiguration;
import nl.paraat.region.RegionService;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * The one set of rules a message must meet, whichever way it comes in (JSON, template, CAP import,
 * the dry run): languages, lengths, times, and the area cut to the sender's own.
 */
@Singleton
class AlertChecks {

    private final RegionService regions;
    private final AlertConfiguration configuration;
    private final Clock clock;
    private final List<String> languages;

    AlertChecks(RegionService regions, AlertConfiguration configuration, ContentConfiguration content, Clock clock) {
        this.regions = regions;
        this.configuration = configuration;
        this.clock = clock;
        this.languages = content.locales();
    }

    /** A request that passed, with the area it really targets. */
    record Checked(AlertArea.Targeted area) {
    }

    Checked check(AlertViews.AlertRequest request, Actor actor) {
        List<Problem.FieldError> errors = new ArrayList<>();
        if (request.status() == Cap.Status.Draft) {
            errors.add(new Problem.FieldError("status", "use Actual, Exercise, System or Test; drafts are kept by the workflow"));
        }
        for (String language : request.infos().keySet()) {
            if (!languages.contains(language)) {
                errors.add(new Problem.FieldError("infos." + language, "unsupported language; use " + String.join(", ", languages.stream().sorted().toList())));
            }
        }
        request.infos().forEach((language, info) -> {
            // Also for texts built from templates, which skip the request's bean validation.
            limit(errors, "infos." + language + ".headline", info.headline(), 140);
            limit(errors, "infos." + language + ".description", info.description(), 2000);
            limit(errors, "infos." + language + ".instruction", info.instruction(), 1000);
            limit(errors, "infos." + language + ".event", info.event(), 100);
        });
        if (!request.infos().containsKey("nl")) {
            errors.add(new Problem.FieldError("infos.nl", "Dutch text is required"));
        }
        Instant now = now();
        if (!request.expires().isAfter(now)) {
            errors.add(new Problem.FieldError("expires", "must lie in the future"));
        } else if (request.expires().isAfter(now.plus(configuration.maxDuration()))) {
            errors.add(new Problem.FieldError("expires", "at most " + configuration.maxDuration().toDays() + " days ahead"));
        }
        if (request.onset() != null && !request.onset().isBefore(request.expires())) {
            errors.add(new Problem.FieldError("onset", "must be before expires"));
        }
        AlertArea.Parsed area = AlertArea.parse(request.area(), regions, errors);
        if (!errors.isEmpty()) {
            throw new ProblemException(HttpStatus.BAD_REQUEST, "validation", describe(errors), errors);
        }
        return new Checked(AlertArea.target(area, actor.area(), regions));
    }

    private static void limit(List<Problem.FieldError> errors, String field, @Nullable String text, int max) {
        if (text != null && text.strip().length() > max) {
            errors.add(new Problem.FieldError(field, "at most " + max + " characters (now " + text.strip().length() + ")"));
        }
    }

    private static String describe(List<Problem.FieldError> errors) {
        return String.join("; ", errors.stream().map(e -> e.field() + ": " + e.message()).toList());
    }

    private Instant now() {
        return Instant.now(clock).truncatedTo(ChronoUnit.MILLIS);
    }
}
