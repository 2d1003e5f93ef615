package nl.paraat.region;

import io.micronaut.serde.annotation.Serdeable;

import java.util.List;

@Serdeable
record RegionsResponse(String dataset, List<SafetyRegionView> safetyRegions) {
}
