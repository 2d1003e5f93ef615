package nl.paraat.content;

import io.micronaut.core.annotation.Nullable;
import nl.paraat.common.ProblemException;

import java.util.List;
import java.util.Locale;

/** Picks the language of a response: {@code ?locale=} when given, else the best of Accept-Language, else the source language. */
final class LocaleChoice {

    private LocaleChoice() {
    }

    static String choose(@Nullable String requested, @Nullable String acceptLanguage, List<String> supported) {
        if (requested != null && !requested.isBlank()) {
            String normalised = requested.strip().toLowerCase(Locale.ROOT);
            if (!supported.contains(normalised)) {
                throw ProblemException.invalid("locale", "Unsupported locale '" + requested + "'; use one of "
                        + String.join(", ", supported) + ".");
            }
            return normalised;
        }
        if (acceptLanguage != null && !acceptLanguage.isBlank()) {
            try {
                List<Locale.LanguageRange> ranges = Locale.LanguageRange.parse(acceptLanguage);
                String match = Locale.lookupTag(ranges, supported);
                if (match != null) {
                    return match;
                }
                for (Locale.LanguageRange range : ranges) {
                    String language = range.getRange().split("-")[0];
                    if (range.getWeight() > 0 && supported.contains(language)) {
                        return language;
                    }
                }
            } catch (IllegalArgumentException malformed) {
                // An unreadable header is treated as absent: the source language always works.
            }
        }
        return supported.get(0);
    }
}
