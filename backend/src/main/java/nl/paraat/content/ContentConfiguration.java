package nl.paraat.content;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.bind.annotation.Bindable;

import java.time.Duration;
import java.util.List;

/**
 * @param path               the content folder; when unset, {@code ./content} if it exists, else the copy packaged in the jar
 * @param locales            the languages residents may ask for; the first is the source language every page has
 * @param translationTargets the languages whose missing translations {@code content validate} reports
 * @param maxAge             how long apps and caches may keep a response before revalidating it
 */
@ConfigurationProperties("paraat.content")
public record ContentConfiguration(@Nullable String path,
                                   @Bindable(defaultValue = "nl,en,fy,ar,tr,pl,uk") List<String> locales,
                                   @Bindable(defaultValue = "en,fy") List<String> translationTargets,
                                   @Bindable(defaultValue = "5m") Duration maxAge) {

    public String sourceLocale() {
        return locales.get(0);
    }

    public static ContentConfiguration defaults() {
        return new ContentConfiguration(null, List.of("nl", "en", "fy", "ar", "tr", "pl", "uk"), List.of("en", "fy"),
                Duration.ofMinutes(5));
    }
}
