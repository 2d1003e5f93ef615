package nl.paraat.content;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The checks that need the whole folder: unique ids, translations, links between pages, completeness. */
final class ContentValidator {

    static final String RISK_PROFILE_ID = "risk-profile";

    private final ContentConfiguration configuration;

    ContentValidator(ContentConfiguration configuration) {
        this.configuration = configuration;
    }

    void validate(List<Page> pages, List<ContentIssue> issues) {
        Map<String, Page> byFolderLocaleId = new HashMap<>();
        Map<String, ContentKind> kindById = new HashMap<>();
        Map<String, Page> sources = new HashMap<>();
        Map<String, Page> riskByFolderLocaleHazard = new HashMap<>();
        Set<String> ids = new HashSet<>();
        String source = configuration.sourceLocale();
        for (Page page : pages) {
            ids.add(page.id());
            String folderKey = (page.folderRegion() == null ? "" : page.folderRegion()) + "/" + page.locale() + "/" + page.id();
            Page clash = byFolderLocaleId.putIfAbsent(folderKey, page);
            if (clash != null) {
                issues.add(ContentIssue.error(page.file(), 1, "id '" + page.id() + "' is also used by " + clash.file()));
            }
            ContentKind kind = kindById.putIfAbsent(page.id(), page.kind());
            if (kind != null && kind != page.kind()) {
                issues.add(ContentIssue.error(page.file(), 1, "id '" + page.id() + "' is a " + kind.code()
                        + " elsewhere; one id keeps one kind"));
            }
            if (page.kind() == ContentKind.PROFILE && !page.id().equals(RISK_PROFILE_ID)) {
                issues.add(ContentIssue.error(page.file(), 1, "a risk profile has id '" + RISK_PROFILE_ID + "'"));
            }
            if (page.kind() == ContentKind.RISK) {
                String hazardKey = folderKey.substring(0, folderKey.lastIndexOf('/')) + "/" + page.hazards().get(0).code();
                Page other = riskByFolderLocaleHazard.putIfAbsent(hazardKey, page);
                if (other != null) {
                    issues.add(ContentIssue.error(page.file(), 1, "hazard '" + page.hazards().get(0).code()
                            + "' already has a risk page here: " + other.file()));
                }
            }
            if (page.locale().equals(source)) {
                sources.put(page.translationKey(), page);
            }
        }
        for (Page page : pages) {
            checkLinks(page, ids, issues);
            if (page.addsTo() != null) {
                checkAddition(page, kindById, sources, issues);
            }
            if (!page.locale().equals(source)) {
                checkTranslation(page, sources.get(page.translationKey()), issues);
            }
        }
        reportMissingTranslations(pages, sources, issues);
    }

    private static void checkLinks(Page page, Set<String> ids, List<ContentIssue> issues) {
        for (MarkdownRenderer.PageLink link : page.links()) {
            if (!ids.contains(link.targetId())) {
                issues.add(ContentIssue.error(page.file(), link.line(), "link to unknown page '" + link.targetId() + "'"));
            }
        }
    }

    private void checkTranslation(Page translation, Page original, List<ContentIssue> issues) {
        if (original == null) {
            issues.add(ContentIssue.error(translation.file(), 1, "translation without a " + configuration.sourceLocale()
                    + " page at the same place"));
            return;
        }
        if (!translation.scope().equals(original.scope())) {
            issues.add(ContentIssue.error(translation.file(), 1, "scope differs from " + original.file()));
        }
        if (!translation.hazards().equals(original.hazards())) {
            issues.add(ContentIssue.error(translation.file(), 1, "hazards differ from " + original.file()));
        }
        if (translation.checklist() != null && original.checklist() != null) {
            checkChecklistTranslation(translation, original, issues);
        }
    }

    /** A translation gives the words for the original's items: it cannot invent items, and should not skip any. */
    private static void checkChecklistTranslation(Page translation, Page original, List<ContentIssue> issues) {
        Set<String> originalIds = original.checklist().itemIds();
        Set<String> translatedIds = translation.checklist().itemIds();
        translatedIds.stream().filter(id -> !originalIds.contains(id)).sorted().forEach(id ->
                issues.add(ContentIssue.error(translation.file(), 1, "item '" + id + "' is not in " + original.file())));
        long missing = originalIds.stream().filter(id -> !translatedIds.contains(id)).count();
        if (missing > 0) {
            issues.add(ContentIssue.warning(translation.file(), 1, missing + " items of " + original.file()
                    + " are not translated; the app shows them in the original language"));
        }
    }

    /** Added items join the national checklist's ids, so they must not take one of its ids. */
    private static void checkAddition(Page addition, Map<String, ContentKind> kindById, Map<String, Page> sources,
                                      List<ContentIssue> issues) {
        Page base = sources.get("/" + ContentKind.CHECKLIST.code() + "/" + addition.addsTo());
        if (kindById.get(addition.addsTo()) != ContentKind.CHECKLIST || base == null) {
            issues.add(ContentIssue.error(addition.file(), 1, "adds_to '" + addition.addsTo() + "' is not a national checklist"));
            return;
        }
        Set<String> baseIds = base.checklist().itemIds();
        addition.checklist().itemIds().stream().filter(baseIds::contains).sorted().forEach(id ->
                issues.add(ContentIssue.error(addition.file(), 1, "item '" + id + "' is already in " + base.file())));
    }

    private void reportMissingTranslations(List<Page> pages, Map<String, Page> sources, List<ContentIssue> issues) {
        Set<String> present = new HashSet<>();
        pages.forEach(page -> present.add(page.locale() + ":" + page.translationKey()));
        sources.values().stream().sorted(java.util.Comparator.comparing(Page::file)).forEach(original -> {
            for (String locale : configuration.translationTargets()) {
                if (!present.contains(locale + ":" + original.translationKey())) {
                    issues.add(ContentIssue.warning(original.file(), 1, "no " + locale + " translation"));
                }
            }
        });
    }
}
