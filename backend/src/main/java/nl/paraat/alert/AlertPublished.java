package nl.paraat.alert;

/** A message was published (an alert, an update or a cancellation): its push can start. */
public record AlertPublished(long alertId) {
}
