package nl.paraat.common;

import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Primary;
import io.micronaut.core.type.Argument;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.serde.Decoder;
import io.micronaut.serde.Deserializer;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.math.BigDecimal;
import java.util.function.Function;

/**
 * Whole-number fields of request bodies take whole JSON numbers only. The serialisation library
 * would otherwise read 1.5 as 1, "2" as 2 and true as 1: a household of 1.5 adults would silently
 * become one adult. Such a value is refused, and the problem names the field.
 */
@Factory
class StrictWholeNumbers {

    @Singleton
    @Primary
    Deserializer<Integer> integers() {
        return wholeNumbers(Integer.MIN_VALUE, Integer.MAX_VALUE, BigDecimal::intValueExact);
    }

    @Singleton
    @Primary
    Deserializer<Long> longs() {
        return wholeNumbers(Long.MIN_VALUE, Long.MAX_VALUE, BigDecimal::longValueExact);
    }

    private static <T> Deserializer<T> wholeNumbers(long min, long max, Function<BigDecimal, T> exact) {
        return new Deserializer<>() {
            @Override
            public T deserialize(Decoder decoder, DecoderContext context, Argument<? super T> type) throws IOException {
                return exact.apply(whole(decoder, min, max));
            }

            @Override
            public T deserializeNullable(Decoder decoder, DecoderContext context, Argument<? super T> type) throws IOException {
                return decoder.decodeNull() ? null : deserialize(decoder, context, type);
            }
        };
    }

    private static BigDecimal whole(Decoder decoder, long min, long max) throws IOException {
        JsonNode node = decoder.decodeNode();
        if (!node.isNumber()) {
            throw decoder.createDeserializationException("Expected a whole number.", null);
        }
        BigDecimal value = new BigDecimal(node.getNumberValue().toString());
        if (value.stripTrailingZeros().scale() > 0 || value.compareTo(BigDecimal.valueOf(min)) < 0
                || value.compareTo(BigDecimal.valueOf(max)) > 0) {
            throw decoder.createDeserializationException("Expected a whole number.", null);
        }
        return value;
    }
}
