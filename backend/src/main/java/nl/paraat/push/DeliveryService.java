package nl.paraat.push;

import io.micronaut.context.annotation.Requires;
import io.micronaut.context.env.Environment;
import io.micronaut.transaction.annotation.ReadOnly;
import jakarta.inject.Singleton;
import nl.paraat.auth.Caller;
import nl.paraat.auth.Role;
import nl.paraat.common.ProblemException;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Delivery accounting per alert, for the organisation that sent it. */
@Singleton
@Requires(notEnv = Environment.CLI)
class DeliveryService {

    private final PushRequests requests;
    private final PushRepositories.Jobs jobs;
    private final PushRepositories.Chunks chunks;
    private final PushRepositories.Retries retries;

    DeliveryService(PushRequests requests, PushRepositories.Jobs jobs, PushRepositories.Chunks chunks,
                    PushRepositories.Retries retries) {
        this.requests = requests;
        this.jobs = jobs;
        this.chunks = chunks;
        this.retries = retries;
    }

    @ReadOnly
    Delivery delivery(long alertId, Caller caller) {
        PushDispatch dispatch = requireReadable(alertId, caller);
        List<PushJob> found = jobs.findByAlertId(alertId);
        List<Long> jobIds = found.stream().map(PushJob::id).toList();
        List<PushChunk> parts = found.isEmpty() ? List.of() : chunks.findByJobIdIn(jobIds);
        Map<Long, String> channelOfJob = new HashMap<>();
        Map<String, DeliveryTally> byChannel = new TreeMap<>();
        for (PushJob job : found) {
            channelOfJob.put(job.id(), job.channel());
            byChannel.computeIfAbsent(job.channel(), name -> new DeliveryTally());
        }
        parts.forEach(chunk -> byChannel.get(channelOfJob.get(chunk.jobId())).add(chunk));
        if (!found.isEmpty()) {
            retries.tally(jobIds).forEach(tally -> byChannel.get(channelOfJob.get(tally.jobId())).add(tally));
        }
        DeliveryTally total = new DeliveryTally();
        byChannel.values().forEach(total::add);
        Map<String, ChannelDelivery> channels = new TreeMap<>();
        byChannel.forEach((name, tally) -> channels.put(name, tally.channel()));
        int done = (int) parts.stream().filter(PushChunk::done).count();
        boolean complete = !found.isEmpty() && found.stream().allMatch(job -> job.completedAt() != null);
        return new Delivery(alertId, total.targeted(), total.sent(), total.failed(), total.failures(), total.retired(),
                total.resent(), total.pending(), total.oldestPending(), parts.size(), done, total.first(), total.last(), complete,
                dispatch.request() != null && requests.content(dispatch.id()).publishedAlone(), channels);
    }

    /** Members with an alert role of the organisation that sent the message; push knows it from the request. */
    private PushDispatch requireReadable(long alertId, Caller caller) {
        if (!caller.roles().contains(Role.ALERT_ISSUER) && !caller.roles().contains(Role.ALERT_APPROVER)) {
            throw ProblemException.forbidden("This needs the role 'alert-issuer' or 'alert-approver'.");
        }
        PushDispatch dispatch = requests.ofAlert(alertId)
                .orElseThrow(() -> ProblemException.notFound("No published alert " + alertId + "."));
        if (!dispatch.organisation().equals(caller.organisation())) {
            throw ProblemException.forbidden("Alert " + alertId + " belongs to another organisation.");
        }
        return dispatch;
    }
}
