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
            // Also for texts built from templates or read from CAP, which skip the request's bean validation.
            required(errors, "infos." + language + ".headline", info.headline());
            required(errors, "infos." + language + ".description", info.description());
            limit(errors, "infos." + language + ".headline", info.headline(), AlertViews.MAX_HEADLINE);
            limit(errors, "infos." + language + ".description", info.description(), AlertViews.MAX_DESCRIPTION);
            limit(errors, "infos." + language + ".instruction", info.instruction(), AlertViews.MAX_INSTRUCTION);
            limit(errors, "infos." + language + ".event", info.event(), AlertViews.MAX_EVENT);
        });
        limit(errors, "web", request.web(), AlertViews.MAX_WEB);
        shapes(errors, request.area());
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
        if (text != null) {
            xmlCharacters(errors, field, text);
        }
    }

    private static void required(List<Problem.FieldError> errors, String field, @Nullable String text) {
        if (text == null || text.isBlank()) {
            errors.add(new Problem.FieldError(field, "must not be blank"));
        }
    }

    private static void shapes(List<Problem.FieldError> errors, @Nullable AlertViews.AreaRequest area) {
        if (area == null) {
            return;
        }
        count(errors, "area.codes", area.codes(), AlertViews.MAX_CODES);
        count(errors, "area.polygons", area.polygons(), AlertViews.MAX_SHAPES);
        count(errors, "area.circles", area.circles(), AlertViews.MAX_SHAPES);
        for (int i = 0; area.polygons() != null && i < area.polygons().size(); i++) {
            limit(errors, "area.polygons[" + i + "]", area.polygons().get(i), AlertViews.MAX_POLYGON);
        }
        for (int i = 0; area.circles() != null && i < area.circles().size(); i++) {
            limit(errors, "area.circles[" + i + "]", area.circles().get(i), AlertViews.MAX_CIRCLE);
        }
    }

    private static void count(List<Problem.FieldError> errors, String field, @Nullable List<String> items, int max) {
        if (items != null && items.size() > max) {
            errors.add(new Problem.FieldError(field, "at most " + max + " (now " + items.size() + ")"));
        }
    }

    /**
     * Only characters that XML 1.0 can carry: stored, any other would make this alert's CAP export and its
     * area's Atom feed unreadable for every system that reads them.
     */
    private static void xmlCharacters(List<Problem.FieldError> errors, String field, String text) {
        for (int i = 0; i < text.length(); ) {
            int c = text.codePointAt(i);
            if (!CapXml.xmlCharacter(c)) {
                errors.add(new Problem.FieldError(field, String.format("character U+%04X at position %d cannot be carried"
                        + " by XML or shown by the apps", c, i + 1)));
                return;
            }
            i += Character.charCount(c);
        }
    }

    private static String describe(List<Problem.FieldError> errors) {
        return String.join("; ", errors.stream().map(e -> e.field() + ": " + e.message()).toList());
    }

    private Instant now() {
        return Instant.now(clock).truncatedTo(ChronoUnit.MILLIS);
    }
}
