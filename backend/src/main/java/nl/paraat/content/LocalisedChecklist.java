package nl.paraat.content;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A checklist as a resident reads it: the rules of the source-language file, with each item's words
 * in the requested language where translated.
 *
 * @param fallback       some words are in the source language because they are not translated yet
 * @param contentVersion the content version it was taken from, for caching; absent in an offline bundle
 */
@io.micronaut.serde.annotation.Serdeable
public record LocalisedChecklist(String id, String title, String summary, String locale, boolean fallback,
                                 @io.micronaut.core.annotation.Nullable String contentVersion, ChecklistTemplate template) {

    /** Without the content version, which changes with any page: in a bundle, items change only when they do. */
    LocalisedChecklist withoutContentVersion() {
        return new LocalisedChecklist(id, title, summary, locale, fallback, null, template);
    }

    /** This checklist with the sections of regional additions after its own. */
    LocalisedChecklist with(List<LocalisedChecklist> additions) {
        List<ChecklistTemplate.Section> sections = new ArrayList<>(template.sections());
        boolean anyFallback = fallback;
        for (LocalisedChecklist addition : additions) {
            sections.addAll(addition.template().sections());
            anyFallback |= addition.fallback();
        }
        return new LocalisedChecklist(id, title, summary, locale, anyFallback, contentVersion,
                new ChecklistTemplate(List.copyOf(sections)));
    }

    static LocalisedChecklist of(Page source, Page chosen, String locale, String contentVersion) {
        Map<String, ChecklistTemplate.Item> words = new HashMap<>();
        Map<String, String> sectionTitles = new HashMap<>();
        if (chosen != source && chosen.checklist() != null) {
            chosen.checklist().sections().forEach(section -> {
                sectionTitles.put(section.id(), section.title());
                section.items().forEach(item -> words.put(item.id(), item));
            });
        }
        boolean fallback = !chosen.locale().equals(locale);
        List<ChecklistTemplate.Section> sections = new ArrayList<>();
        for (ChecklistTemplate.Section section : source.checklist().sections()) {
            List<ChecklistTemplate.Item> items = new ArrayList<>();
            for (ChecklistTemplate.Item item : section.items()) {
                ChecklistTemplate.Item translated = words.get(item.id());
                fallback |= chosen != source && translated == null;
                items.add(translated == null ? item : new ChecklistTemplate.Item(item.id(), translated.text(),
                        translated.why() != null ? translated.why() : item.why(),
                        translated.unit() != null ? translated.unit() : item.unit(), item.quantity(), item.needs(), item.water(),
                        translated.fields().isEmpty() ? item.fields() : translated.fields()));
            }
            sections.add(new ChecklistTemplate.Section(section.id(), sectionTitles.getOrDefault(section.id(), section.title()),
                    List.copyOf(items)));
        }
        return new LocalisedChecklist(source.id(), chosen.title(), chosen.summary(), locale, fallback, contentVersion,
                new ChecklistTemplate(List.copyOf(sections)));
    }
}
