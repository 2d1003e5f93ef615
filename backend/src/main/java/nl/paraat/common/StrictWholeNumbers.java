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
        return new Deserializer<>() {
            @Override
            public Integer deserialize(Decoder decoder, DecoderContext context, Argument<? super Integer> type) throws IOException {
                return whole(decoder, Integer.MIN_VALUE, Integer.MAX_VALUE).intValueExact();
            }

            @Override
            public Integer deserializeNullable(Decoder decoder, DecoderContext context, Argument<? super Integer> type)
                    throws IOException {
                return decoder.decodeNull() ? null : deserialize(decoder, context, type);
            }
        };
    }

    @Singleton
    @Primary
    Deserializer<Long> longs() {
        return new Deserializer<>() {
            @Override
            public Long deserialize(Decoder decoder, DecoderContext context, Argument<? super Long> type) throws IOException {
                return whole(decoder, Long.MIN_VALUE, Long.MAX_VALUE).longValueExact();
            }

            @Override
            public Long deserializeNullable(Decoder decoder, DecoderContext context, Argument<? super Long> type)
                    throws IOException {
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
