package nl.paraat.device;

/** A device to notify: its push token and the language it reads. */
public record PushTarget(long deviceId, String token, String locale) {
}
