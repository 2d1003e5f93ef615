package nl.paraat.bundle;

import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;

/** The items of one bundle version: lines of {@code group/key=digest}, sorted. */
@MappedEntity("bundle_manifest")
record BundleManifest(@Id String version, String region, String locale, Instant createdAt, String manifest) {
}
