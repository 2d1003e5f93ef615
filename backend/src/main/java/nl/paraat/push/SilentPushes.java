package nl.paraat.push;

import jakarta.inject.Singleton;

import java.time.Duration;
import java.util.Collection;
import java.util.Map;

/**
 * Data-only pushes on behalf of other features, such as telling apps that their offline bundle changed:
 * nothing is shown, the app wakes up to act on the data. No delivery accounting, unlike an alert's push.
 */
@Singleton
public class SilentPushes {

    private final PushSender sender;

    SilentPushes(PushSender sender) {
        this.sender = sender;
    }

    /**
     * One message to every device that follows one of the municipalities: by token, chunk by chunk, or
     * by topic in topic mode.
     *
     * @param collapseKey a later message with the same key replaces an undelivered earlier one
     * @return how many were sent
     */
    public int toFollowersOf(Collection<String> municipalities, Map<String, String> data, String collapseKey,
                             Duration timeToLive) {
        return sender.sendToFollowers(PushMessage.silent(data, collapseKey, timeToLive), municipalities);
    }
}
