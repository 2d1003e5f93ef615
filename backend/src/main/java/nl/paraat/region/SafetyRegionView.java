package nl.paraat.region;

import io.micronaut.serde.annotation.Serdeable;

import java.util.List;

@Serdeable
record SafetyRegionView(String code, String name, List<AreaRef> municipalities) {
}
