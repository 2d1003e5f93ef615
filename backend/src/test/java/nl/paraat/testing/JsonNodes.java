package nl.paraat.testing;

import io.micronaut.json.tree.JsonNode;

import java.util.stream.Stream;
import java.util.stream.StreamSupport;

public final class JsonNodes {

    private JsonNodes() {
    }

    public static Stream<JsonNode> stream(JsonNode array) {
        return StreamSupport.stream(array.values().spliterator(), false);
    }
}
