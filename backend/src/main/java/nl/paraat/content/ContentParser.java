package nl.paraat.content;

import nl.paraat.common.Digest;
import nl.paraat.region.RegionService;

import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/** Reads one content file: its place in the folder, its front matter and its Markdown. */
final class ContentParser {

    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,79}");
    private static final Pattern READING_LEVEL = Pattern.compile("(A1|A2|B1|B2|C1|C2)");
    private static final ZoneId NETHERLANDS = ZoneId.of("Europe/Amsterdam");
    private static final int MAX_TITLE = 120;
    private static final int MAX_SUMMARY = 300;
    private static final int DEFAULT_ORDER = 100;

    private final ContentConfiguration configuration;
    private final RegionService regions;

    ContentParser(ContentConfiguration configuration, RegionService regions) {
        this.configuration = configuration;
        this.regions = regions;
    }

    /** @param file the path relative to the content folder, with '/' separators */
    Optional<Page> parse(String file, String text, List<ContentIssue> issues) {
        int before = errorCount(issues);
        Location location = locate(file, issues).orElse(null);
        if (location == null) {
            return Optional.empty();
        }
        String normalised = text.replace("\r\n", "\n");
        if (normalised.startsWith("\uFEFF")) {
            normalised = normalised.substring(1);
        }
        if (!normalised.startsWith("---\n")) {
            issues.add(ContentIssue.error(file, 1, "the file must start with a front matter block between '---' lines"));
            return Optional.empty();
        }
        int end = normalised.indexOf("\n---\n", 3);
        boolean endsAtFileEnd = end < 0 && normalised.endsWith("\n---");
        if (end < 0 && !endsAtFileEnd) {
            issues.add(ContentIssue.error(file, 1, "the front matter block is not closed with a '---' line"));
            return Optional.empty();
        }
        int yamlEnd = end < 0 ? normalised.length() - 4 : end;
        String yaml = normalised.substring(4, Math.max(4, yamlEnd + 1));
        String markdown = end < 0 ? "" : normalised.substring(end + 5);
        int bodyLine = 3 + (int) yaml.chars().filter(c -> c == '\n').count();

        FrontMatter front = FrontMatter.parse(file, yaml, 2, issues).orElse(null);
        if (front == null) {
            return Optional.empty();
        }
        String id = front.requiredText("id").orElse(null);
        if (id != null && !ID.matcher(id).matches()) {
            issues.add(ContentIssue.error(file, front.line("id"), "id '" + id + "' must be lowercase letters, digits and hyphens"));
        }
        if (id != null && !file.endsWith("/" + id + ".md")) {
            issues.add(ContentIssue.error(file, front.line("id"), "id '" + id + "' must match the file name"));
        }
        ContentKind kind = front.requiredText("kind").flatMap(value -> {
            Optional<ContentKind> found = ContentKind.find(value);
            if (found.isEmpty()) {
                issues.add(ContentIssue.error(file, front.line("kind"), "unknown kind '" + value
                        + "'; use page, risk, checklist, contact or profile"));
            }
            return found;
        }).orElse(null);
        if (kind != null && kind != location.kind()) {
            issues.add(ContentIssue.error(file, front.line("kind"), "kind '" + kind.code() + "' does not match folder '"
                    + location.kind().code() + "'"));
        }
        String title = boundedText(front, "title", MAX_TITLE, file, issues);
        String summary = boundedText(front, "summary", MAX_SUMMARY, file, issues);
        front.requiredText("locale").ifPresent(locale -> {
            if (!locale.equals(location.locale())) {
                issues.add(ContentIssue.error(file, front.line("locale"), "locale '" + locale + "' does not match folder '"
                        + location.locale() + "'"));
            }
        });
        List<String> scope = scope(front, location, file, issues);
        List<Hazard> hazards = hazards(front, kind, file, issues);
        Instant publishFrom = instant(front, "publish_from", file, issues);
        Instant publishUntil = instant(front, "publish_until", file, issues);
        if (publishFrom != null && publishUntil != null && !publishUntil.isAfter(publishFrom)) {
            issues.add(ContentIssue.error(file, front.line("publish_until"), "publish_until must be after publish_from"));
        }
        int order = integer(front, "order", file, issues);
        String readingLevel = front.text("reading_level").orElse("B1");
        if (!READING_LEVEL.matcher(readingLevel).matches()) {
            issues.add(ContentIssue.error(file, front.line("reading_level"), "reading_level must be A1, A2, B1, B2, C1 or C2"));
        }
        LocalDate updated = front.requiredText("updated").flatMap(value -> date(value, file, front.line("updated"), issues))
                .orElse(null);

        ChecklistTemplate checklist = null;
        if (kind == ContentKind.CHECKLIST) {
            checklist = ChecklistSections.read(front, file, location.locale().equals(configuration.sourceLocale()), issues);
        } else if (front.has("sections")) {
            issues.add(ContentIssue.error(file, front.line("sections"), "only checklists have 'sections'"));
        }
        String addsTo = front.text("adds_to").orElse(null);
        if (addsTo != null && (kind != ContentKind.CHECKLIST || location.region() == null)) {
            issues.add(ContentIssue.error(file, front.line("adds_to"), "only a regional checklist can add items to another checklist"));
        }
        MarkdownRenderer.Rendered rendered = MarkdownRenderer.render(markdown, bodyLine);
        if (kind == ContentKind.RISK && rendered.sectionHeadings().size() != 3) {
            issues.add(ContentIssue.error(file, bodyLine, "a risk page needs exactly three '##' sections: before, during and after (found "
                    + rendered.sectionHeadings().size() + ")"));
        }
        if (markdown.isBlank() && kind != ContentKind.PROFILE) {
            issues.add(ContentIssue.error(file, bodyLine, "the page has no text"));
        }
        if (errorCount(issues) > before) {
            return Optional.empty();
        }
        return Optional.of(new Page(file, id, kind, title, summary, location.locale(), location.region(), scope, hazards,
                front.list("cap_event_codes"), front.list("keywords"), publishFrom, publishUntil, order, front.list("tags"),
                readingLevel, updated, markdown, rendered.html(), rendered.links(), rendered.sectionHeadings(), checklist, addsTo, hash(text)));
    }

    private record Location(String locale, ContentKind kind, String region) {
    }

    private Optional<Location> locate(String file, List<ContentIssue> issues) {
        String[] parts = file.split("/");
        int offset = parts.length == 5 && parts[0].equals("regions") ? 2 : 0;
        if (parts.length != 3 + offset || (offset == 0 && parts[0].equals("regions"))) {
            issues.add(ContentIssue.error(file, 1, "put the file in <language>/<kind>/ or regions/<code>/<language>/<kind>/"));
            return Optional.empty();
        }
        String region = offset == 0 ? null : parts[1];
        if (region != null && (!regions.isKnownArea(region) || region.equals(RegionService.NATIONAL))) {
            issues.add(ContentIssue.error(file, 1, "unknown region folder '" + region + "'; use a VRxx or GMxxxx code"));
            return Optional.empty();
        }
        String locale = parts[offset];
        if (!configuration.locales().contains(locale)) {
            issues.add(ContentIssue.error(file, 1, "unknown language folder '" + locale + "'; use one of "
                    + String.join(", ", configuration.locales())));
            return Optional.empty();
        }
        Optional<ContentKind> kind = ContentKind.find(parts[offset + 1]);
        if (kind.isEmpty()) {
            issues.add(ContentIssue.error(file, 1, "unknown kind folder '" + parts[offset + 1] + "'"));
            return Optional.empty();
        }
        return Optional.of(new Location(locale, kind.get(), region));
    }

    private static String boundedText(FrontMatter front, String key, int max, String file, List<ContentIssue> issues) {
        String value = front.requiredText(key).orElse(null);
        if (value != null && value.length() > max) {
            issues.add(ContentIssue.error(file, front.line(key), key + " is " + value.length() + " characters; at most " + max));
        }
        return value;
    }

    private List<String> scope(FrontMatter front, Location location, String file, List<ContentIssue> issues) {
        List<String> values = front.list("scope");
        int line = front.line("scope");
        if (!front.has("scope") || values.isEmpty()) {
            issues.add(ContentIssue.error(file, line, "required field 'scope' is missing"));
            return List.of();
        }
        if (location.region() == null) {
            if (!values.equals(List.of("national"))) {
                issues.add(ContentIssue.error(file, line, "pages outside regions/ have scope 'national'"));
            }
            return List.of();
        }
        List<String> codes = new ArrayList<>();
        for (String code : values) {
            if (!regions.isKnownArea(code) || code.equals(RegionService.NATIONAL)) {
                issues.add(ContentIssue.error(file, line, "unknown region code '" + code + "' in scope"));
            } else if (!regions.covers(List.of(location.region()), code)) {
                issues.add(ContentIssue.error(file, line, "scope '" + code + "' lies outside the folder's region "
                        + location.region()));
            } else {
                codes.add(code);
            }
        }
        return List.copyOf(codes);
    }

    private static List<Hazard> hazards(FrontMatter front, ContentKind kind, String file, List<ContentIssue> issues) {
        List<Hazard> hazards = new ArrayList<>();
        int line = front.line("hazards");
        for (String code : front.list("hazards")) {
            Optional<Hazard> hazard = Hazard.find(code);
            if (hazard.isEmpty()) {
                issues.add(ContentIssue.error(file, line, "unknown hazard '" + code + "'"));
            } else if (hazards.contains(hazard.get())) {
                issues.add(ContentIssue.error(file, line, "hazard '" + code + "' is listed twice"));
            } else {
                hazards.add(hazard.get());
            }
        }
        if (kind == ContentKind.RISK && front.list("hazards").size() != 1) {
            issues.add(ContentIssue.error(file, line, "a risk page names exactly one hazard"));
        }
        if (kind == ContentKind.PROFILE && front.list("hazards").isEmpty()) {
            issues.add(ContentIssue.error(file, line, "a risk profile lists the hazards of its area, most important first"));
        }
        return List.copyOf(hazards);
    }

    private static Instant instant(FrontMatter front, String key, String file, List<ContentIssue> issues) {
        Optional<String> value = front.text(key);
        if (value.isEmpty()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(value.get()).toInstant();
        } catch (DateTimeException e) {
            try {
                return LocalDate.parse(value.get()).atStartOfDay(NETHERLANDS).toInstant();
            } catch (DateTimeException notADate) {
                issues.add(ContentIssue.error(file, front.line(key), key + " '" + value.get()
                        + "' is not a date (2026-12-01) or moment (2026-12-01T08:00:00+01:00)"));
                return null;
            }
        }
    }

    private static Optional<LocalDate> date(String value, String file, int line, List<ContentIssue> issues) {
        try {
            return Optional.of(LocalDate.parse(value));
        } catch (DateTimeException e) {
            issues.add(ContentIssue.error(file, line, "'" + value + "' is not a date like 2026-11-20"));
            return Optional.empty();
        }
    }

    private static int integer(FrontMatter front, String key, String file, List<ContentIssue> issues) {
        Optional<String> value = front.text(key);
        if (value.isEmpty()) {
            return DEFAULT_ORDER;
        }
        try {
            return Integer.parseInt(value.get());
        } catch (NumberFormatException e) {
            issues.add(ContentIssue.error(file, front.line(key), key + " must be a whole number"));
            return DEFAULT_ORDER;
        }
    }

    private static int errorCount(List<ContentIssue> issues) {
        return (int) issues.stream().filter(ContentIssue::isError).count();
    }

    static String hash(String text) {
        return Digest.of(text.getBytes(StandardCharsets.UTF_8));
    }
}
