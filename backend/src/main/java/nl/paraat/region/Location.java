package nl.paraat.region;

import io.micronaut.serde.annotation.Serdeable;

/** The municipality containing a point and the safety region that municipality belongs to. */
@Serdeable
public record Location(AreaRef municipality, AreaRef safetyRegion) {
}
