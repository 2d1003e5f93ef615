package nl.paraat.alert;

import jakarta.inject.Singleton;
import nl.paraat.common.Problem;
import nl.paraat.push.PushRequest;
import nl.paraat.region.RegionService;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/** What push needs of a message being published, taken in the publication's transaction. */
@Singleton
class PushRequestBuilder {

    private final AlertRepositories.Messages messages;
    private final AlertRepositories.Infos infos;
    private final RegionService regions;

    PushRequestBuilder(AlertRepositories.Messages messages, AlertRepositories.Infos infos, RegionService regions) {
        this.messages = messages;
        this.infos = infos;
        this.regions = regions;
    }

    PushRequest of(AlertMessage message) {
        Map<String, PushRequest.Text> texts = new TreeMap<>();
        infos.findByAlertIdOrderByLanguage(message.id()).forEach(info ->
                texts.put(info.language(), new PushRequest.Text(info.headline(), info.description())));
        List<Geometry> shapes = new ArrayList<>();
        List<Problem.FieldError> ignored = new ArrayList<>();
        AlertSteps.split(message.polygons(), "\n").forEach(p -> AlertArea.polygon(p, "p", ignored).ifPresent(shapes::add));
        AlertSteps.split(message.circles(), "\n").forEach(c -> AlertArea.circle(c, "c", ignored).ifPresent(shapes::add));
        Set<String> municipalities = new TreeSet<>(AlertSteps.split(message.affectedMunicipalities(), ","));
        Envelope envelope = new Envelope();
        shapes.forEach(shape -> envelope.expandToInclude(shape.getEnvelopeInternal()));
        municipalities.forEach(code -> regions.boundary(code).ifPresent(b -> envelope.expandToInclude(b.getEnvelopeInternal())));
        // Every version of a message collapses onto the first one's notification.
        long root = message.id();
        for (Long reference = message.referencesId(); reference != null; ) {
            root = reference;
            reference = messages.findById(reference).map(AlertMessage::referencesId).orElse(null);
        }
        Set<String> cells = new TreeSet<>(AlertSteps.split(message.targetCells(), ","));
        return new PushRequest(message.id(), message.identifier(), message.organisation(), message.msgType().name(),
                message.severity().name(), message.severity() == Cap.Severity.Extreme || message.severity() == Cap.Severity.Severe,
                message.status() != Cap.Status.Actual, "alert-" + root, message.expires(), municipalities, cells, texts,
                new double[]{envelope.getMinX(), envelope.getMinY(), envelope.getMaxX(), envelope.getMaxY()},
                message.reviewNeeded());
    }
}
