package nl.paraat.alert;

import io.micronaut.transaction.annotation.ReadOnly;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import nl.paraat.common.Problem;
import nl.paraat.region.RegionService;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The hand-off to push: the outbox of published messages, and what a push of each needs. */
@Singleton
public class AlertDispatches {

    private final AlertRepositories.Messages messages;
    private final AlertRepositories.Infos infos;
    private final AlertRepositories.Dispatches dispatches;
    private final RegionService regions;

    AlertDispatches(AlertRepositories.Messages messages, AlertRepositories.Infos infos,
                    AlertRepositories.Dispatches dispatches, RegionService regions) {
        this.messages = messages;
        this.infos = infos;
        this.dispatches = dispatches;
        this.regions = regions;
    }

    /** Published messages whose push has not been completed yet, oldest first. */
    @ReadOnly
    public List<PushContent.Dispatch> pendingDispatches(int limit) {
        return dispatches.findByDispatchedAtIsNullOrderById().stream().limit(limit)
                .map(dispatch -> new PushContent.Dispatch(dispatch.id(), dispatch.alertId())).toList();
    }

    @Transactional
    public void markDispatched(long dispatchId, Instant when) {
        dispatches.findById(dispatchId).filter(dispatch -> dispatch.dispatchedAt() == null).ifPresent(dispatch ->
                dispatches.update(new AlertDispatch(dispatch.id(), dispatch.alertId(), dispatch.identifier(),
                        dispatch.msgType(), dispatch.createdAt(), when)));
    }

    @ReadOnly
    public PushContent pushContent(long alertId) {
        AlertMessage message = messages.findById(alertId).orElseThrow();
        Map<String, PushContent.Text> texts = new java.util.TreeMap<>();
        infos.findByAlertIdOrderByLanguage(alertId).forEach(info ->
                texts.put(info.language(), new PushContent.Text(info.headline(), info.description())));
        List<org.locationtech.jts.geom.Geometry> shapes = new ArrayList<>();
        List<Problem.FieldError> ignored = new ArrayList<>();
        AlertWorkflow.split(message.polygons(), "\n").forEach(p -> AlertArea.polygon(p, "p", ignored).ifPresent(shapes::add));
        AlertWorkflow.split(message.circles(), "\n").forEach(c -> AlertArea.circle(c, "c", ignored).ifPresent(shapes::add));
        Set<String> municipalities = new java.util.TreeSet<>(AlertWorkflow.split(message.affectedMunicipalities(), ","));
        org.locationtech.jts.geom.Envelope envelope = new org.locationtech.jts.geom.Envelope();
        shapes.forEach(shape -> envelope.expandToInclude(shape.getEnvelopeInternal()));
        municipalities.forEach(code -> regions.boundary(code).ifPresent(b -> envelope.expandToInclude(b.getEnvelopeInternal())));
        long root = message.id();
        for (Long reference = message.referencesId(); reference != null; ) {
            root = reference;
            reference = messages.findById(reference).map(AlertMessage::referencesId).orElse(null);
        }
        Set<String> cells = new java.util.TreeSet<>(AlertWorkflow.split(message.targetCells(), ","));
        return new PushContent(message.id(), message.identifier(), message.msgType().name(), message.severity().name(),
                message.severity() == Cap.Severity.Extreme || message.severity() == Cap.Severity.Severe,
                message.status() != Cap.Status.Actual, "alert-" + root, message.expires(), municipalities, cells, texts,
                new double[]{envelope.getMinX(), envelope.getMinY(), envelope.getMaxX(), envelope.getMaxY()});
    }
}
