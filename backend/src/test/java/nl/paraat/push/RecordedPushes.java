package nl.paraat.push;

import io.micronaut.context.ApplicationContext;

import java.util.List;

/** What an instance without Firebase "sent": its recording channel's messages, for tests of other features. */
public final class RecordedPushes {

    private RecordedPushes() {
    }

    public static List<PushMessage> of(ApplicationContext instance) {
        return instance.getBean(RecordingPushChannel.class).recorded();
    }
}
