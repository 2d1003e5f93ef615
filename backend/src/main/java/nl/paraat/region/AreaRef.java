package nl.paraat.region;

import io.micronaut.serde.annotation.Serdeable;

/** A municipality (GMxxxx) or safety region (VRxx) by code and name. */
@Serdeable
public record AreaRef(String code, String name) {
}
