package nl.paraat.device;

/**
 * A device is being erased. Published synchronously inside the erasure's transaction, so that other
 * features delete what they keep about the device in that same transaction: all of it goes, or none.
 *
 * @param deviceId the device's internal id, as returned by {@link DeviceService#authenticate}
 */
public record DeviceErased(long deviceId) {
}
