package nl.paraat.common;

import io.micronaut.core.beans.BeanIntrospection;
import io.micronaut.core.beans.BeanIntrospector;
import io.micronaut.core.beans.BeanProperty;
import io.micronaut.http.HttpRequest;
import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;
import jakarta.inject.Singleton;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A body that cannot be decoded arrives as one opaque error without a property name. This decodes
 * the request's JSON properties one by one against the target record to name the one that fails,
 * so that a client learns which field to fix.
 */
@Singleton
final class BodyFieldLocator {

    private static final Pattern EXPECTED = Pattern.compile("expected (START_ARRAY|START_OBJECT|VALUE_STRING|VALUE_NUMBER_INT|VALUE_NUMBER_FLOAT|VALUE_TRUE|VALUE_FALSE)");
    private static final Pattern NAMED_PROPERTY = Pattern.compile("Error decoding property \\[[^\\]]*?(\\w+)\\]");

    private final JsonMapper json;

    BodyFieldLocator(JsonMapper json) {
        this.json = json;
    }

    Problem.FieldError locate(HttpRequest<?> request, Class<?> target, Throwable failure) {
        JsonNode root = request.getAttribute(RawBodyFilter.RAW_BODY, String.class).map(this::parse).orElse(null);
        if (root == null || !root.isObject()) {
            return new Problem.FieldError("body", "Expected a JSON object.");
        }
        Optional<BeanIntrospection<Object>> introspection = BeanIntrospector.SHARED.findIntrospection(castClass(target));
        if (introspection.isPresent()) {
            for (BeanProperty<Object, Object> property : introspection.get().getBeanProperties()) {
                JsonNode value = root.get(property.getName());
                if (value == null) {
                    continue;
                }
                try {
                    json.readValueFromTree(value, property.asArgument());
                } catch (Exception e) {
                    return new Problem.FieldError(property.getName(), describe(e));
                }
            }
        }
        Matcher named = NAMED_PROPERTY.matcher(String.valueOf(failure.getMessage()));
        return new Problem.FieldError(named.find() ? named.group(1) : "body", describe(failure));
    }

    private JsonNode parse(String body) {
        try {
            return json.readValue(body, JsonNode.class);
        } catch (Exception e) {
            return null;
        }
    }

    private static String describe(Throwable failure) {
        Throwable deepest = failure;
        while (deepest.getCause() != null && deepest.getCause() != deepest) {
            deepest = deepest.getCause();
        }
        if (deepest instanceof IllegalArgumentException && deepest.getMessage() != null) {
            return deepest.getMessage();
        }
        Matcher expected = EXPECTED.matcher(String.valueOf(deepest.getMessage()));
        if (expected.find()) {
            return "Expected " + switch (expected.group(1)) {
                case "START_ARRAY" -> "an array";
                case "START_OBJECT" -> "an object";
                case "VALUE_STRING" -> "a string";
                case "VALUE_TRUE", "VALUE_FALSE" -> "true or false";
                default -> "a number";
            } + ".";
        }
        return "Has a value of the wrong type.";
    }

    @SuppressWarnings("unchecked")
    private static Class<Object> castClass(Class<?> type) {
        return (Class<Object>) type;
    }
}
