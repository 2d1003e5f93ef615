package nl.paraat.content;

import io.micronaut.core.annotation.Nullable;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * One content file, parsed and rendered.
 *
 * @param folderRegion the region folder the file lives in ({@code regions/<code>/}), or null for national pages
 * @param scope        the area codes the page applies to; empty for national pages
 * @param checklist    the items of a checklist; null for other kinds
 * @param addsTo       a regional checklist whose items are added to this (national) checklist
 * @param hash         a digest of the file, identifying this version of it
 */
record Page(String file,
            String id,
            ContentKind kind,
            String title,
            String summary,
            String locale,
            @Nullable String folderRegion,
            List<String> scope,
            List<Hazard> hazards,
            List<String> capEventCodes,
            List<String> keywords,
            @Nullable Instant publishFrom,
            @Nullable Instant publishUntil,
            int order,
            List<String> tags,
            String readingLevel,
            LocalDate updated,
            String markdown,
            String html,
            List<MarkdownRenderer.PageLink> links,
            List<String> sectionHeadings,
            @Nullable ChecklistTemplate checklist,
            @Nullable String addsTo,
            String hash) {

    boolean national() {
        return scope.isEmpty();
    }

    boolean visibleAt(Instant now) {
        return (publishFrom == null || !now.isBefore(publishFrom)) && (publishUntil == null || now.isBefore(publishUntil));
    }

    /** Translations of one page share the folder, kind and id; this names that group. */
    String translationKey() {
        return (folderRegion == null ? "" : folderRegion) + "/" + kind.code() + "/" + id;
    }
}
