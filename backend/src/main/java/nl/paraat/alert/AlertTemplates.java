package nl.paraat.alert;

import io.micronaut.serde.annotation.Serdeable;
import jakarta.inject.Singleton;
import nl.paraat.common.ProblemException;
import nl.paraat.content.Hazard;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Pre-written, pre-translated messages per hazard ({@code alerts/templates.yaml}), so that an issuer
 * only fills in the place and time and publishes a correct multilingual alert in under a minute.
 */
@Singleton
class AlertTemplates {

    static final Set<String> REQUIRED_LANGUAGES = Set.of("nl", "en", "fy");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([a-z]+)}");
    private static final int MAX_VALUE = 100;

    private final Map<String, Template> templates;

    AlertTemplates() {
        this.templates = load();
    }

    @Serdeable
    record Text(String event, String headline, String description, String instruction) {
    }

    @Serdeable
    record Template(String id, Hazard hazard, Cap.Urgency urgency, Cap.Severity severity, Cap.Certainty certainty,
                    Cap.ResponseType responseType, List<String> placeholders, Map<String, Text> texts) {
    }

    List<Template> all() {
        return List.copyOf(templates.values());
    }

    /** Fills in a template; every placeholder needs a value. */
    Map<String, AlertViews.InfoRequest> render(String id, Map<String, String> values) {
        Template template = find(id);
        for (String placeholder : template.placeholders()) {
            String value = values.get(placeholder);
            if (value == null || value.isBlank()) {
                throw ProblemException.invalid("values." + placeholder, "a value is required for {" + placeholder + "}");
            }
            if (value.length() > MAX_VALUE) {
                throw ProblemException.invalid("values." + placeholder, "at most " + MAX_VALUE + " characters");
            }
        }
        Map<String, AlertViews.InfoRequest> infos = new TreeMap<>();
        template.texts().forEach((language, text) -> infos.put(language, new AlertViews.InfoRequest(
                fill(text.event(), values), fill(text.headline(), values), fill(text.description(), values),
                fill(text.instruction(), values))));
        return infos;
    }

    Template find(String id) {
        Template template = templates.get(id);
        if (template == null) {
            throw ProblemException.invalid("template", "Unknown template '" + id + "'; use one of "
                    + String.join(", ", templates.keySet()) + ".");
        }
        return template;
    }

    private static String fill(String text, Map<String, String> values) {
        Matcher matcher = PLACEHOLDER.matcher(text);
        StringBuilder filled = new StringBuilder();
        while (matcher.find()) {
            matcher.appendReplacement(filled, Matcher.quoteReplacement(values.get(matcher.group(1)).strip()));
        }
        matcher.appendTail(filled);
        return filled.toString();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Template> load() {
        try (InputStream in = AlertTemplates.class.getClassLoader().getResourceAsStream("alerts/templates.yaml")) {
            if (in == null) {
                throw new IllegalStateException("Missing resource alerts/templates.yaml");
            }
            Map<String, Object> root = new Yaml(new SafeConstructor(new LoaderOptions())).load(in);
            Map<String, Template> loaded = new LinkedHashMap<>();
            for (Map<String, Object> raw : (List<Map<String, Object>>) root.get("templates")) {
                Template template = parse(raw);
                loaded.put(template.id(), template);
            }
            return loaded;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @SuppressWarnings("unchecked")
    private static Template parse(Map<String, Object> raw) {
        String id = (String) raw.get("id");
        List<String> placeholders = List.copyOf((List<String>) raw.get("placeholders"));
        Map<String, Text> texts = new TreeMap<>();
        ((Map<String, Map<String, String>>) raw.get("texts")).forEach((language, text) -> texts.put(language,
                new Text(text.get("event"), text.get("headline"), text.get("description"), text.get("instruction"))));
        if (!texts.keySet().containsAll(REQUIRED_LANGUAGES)) {
            throw new IllegalStateException("Template " + id + " lacks one of " + REQUIRED_LANGUAGES);
        }
        for (Text text : texts.values()) {
            List<String> used = new ArrayList<>();
            Matcher matcher = PLACEHOLDER.matcher(text.event() + text.headline() + text.description() + text.instruction());
            while (matcher.find()) {
                used.add(matcher.group(1));
            }
            if (!placeholders.containsAll(used)) {
                throw new IllegalStateException("Template " + id + " uses an undeclared placeholder: " + used);
            }
        }
        return new Template(id, Hazard.find((String) raw.get("hazard")).orElseThrow(),
                Cap.Urgency.valueOf((String) raw.get("urgency")), Cap.Severity.valueOf((String) raw.get("severity")),
                Cap.Certainty.valueOf((String) raw.get("certainty")), Cap.ResponseType.valueOf((String) raw.get("responseType")),
                placeholders, texts);
    }
}
