package nl.paraat.device;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

/** A municipality a device follows. */
@MappedEntity("device_area")
record DeviceArea(@Id @GeneratedValue @Nullable Long id, long deviceId, String municipality) {
}
