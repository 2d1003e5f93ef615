package nl.paraat.content;

import io.micronaut.core.annotation.Nullable;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** What the content endpoints return. {@code fallback} is true when the page is not (yet) translated. */
final class ContentViews {

    private ContentViews() {
    }

    @Serdeable
    record Summary(String id, ContentKind kind, String title, String summary, String locale, boolean fallback,
                   List<String> scope, List<Hazard> hazards, List<String> tags, int order, LocalDate updated) {

        static Summary of(ContentSnapshot.Resolved resolved) {
            Page page = resolved.page();
            return new Summary(page.id(), page.kind(), page.title(), page.summary(), page.locale(), resolved.fallback(),
                    scopeOf(page), page.hazards(), page.tags(), page.order(), page.updated());
        }
    }

    @Serdeable
    record Index(String version, String locale, @Nullable String region, @JsonInclude(JsonInclude.Include.ALWAYS) List<Summary> items) {
    }

    @Serdeable
    record Detail(String id, ContentKind kind, String title, String summary, String locale, boolean fallback,
                  List<String> scope, List<Hazard> hazards, List<String> capEventCodes, List<String> keywords,
                  List<String> tags, int order, String readingLevel, @Nullable Instant publishFrom,
                  @Nullable Instant publishUntil, LocalDate updated, String markdown, String html) {

        static Detail of(Page page, boolean fallback) {
            return new Detail(page.id(), page.kind(), page.title(), page.summary(), page.locale(), fallback, scopeOf(page),
                    page.hazards(), page.capEventCodes(), page.keywords(), page.tags(), page.order(), page.readingLevel(),
                    page.publishFrom(), page.publishUntil(), page.updated(), page.markdown(), page.html());
        }
    }

    /**
     * A page kept on the phone for when the internet is gone: Markdown only, which apps render
     * themselves (with HTML switched off), because the HTML would make the offline bundle about a
     * third larger for the same words.
     */
    @Serdeable
    record Offline(String id, ContentKind kind, String title, String summary, String locale, boolean fallback,
                   List<Hazard> hazards, List<String> capEventCodes, List<String> tags, int order, LocalDate updated,
                   String markdown) {

        static Offline of(Page page, boolean fallback) {
            return new Offline(page.id(), page.kind(), page.title(), page.summary(), page.locale(), fallback,
                    page.hazards(), page.capEventCodes(), page.tags(), page.order(), page.updated(), page.markdown());
        }
    }

    @Serdeable
    record RiskSummary(Hazard hazard, String id, String title, String summary, String locale, boolean fallback,
                       List<String> scope) {

        static RiskSummary of(Hazard hazard, ContentSnapshot.Resolved resolved) {
            Page page = resolved.page();
            return new RiskSummary(hazard, page.id(), page.title(), page.summary(), page.locale(), resolved.fallback(),
                    scopeOf(page));
        }
    }

    /** The regional risk profile: the hazards that matter in an area, most important first. */
    @Serdeable
    record RiskProfile(String version, String locale, @Nullable String region, @JsonInclude(JsonInclude.Include.ALWAYS) List<RiskSummary> risks) {
    }

    @Serdeable
    record ReloadResult(boolean applied, String version, int pages, List<ContentIssue> errors,
                        List<ContentIssue> warnings) {
    }

    private static List<String> scopeOf(Page page) {
        return page.national() ? List.of("national") : page.scope();
    }
}
