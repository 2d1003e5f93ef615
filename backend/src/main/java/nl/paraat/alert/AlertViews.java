package nl.paraat.alert;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import nl.paraat.content.Hazard;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Request and response shapes of the alert endpoints. */
final class AlertViews {

    private AlertViews() {
    }

    @Serdeable
    record AreaRequest(@Nullable @Size(max = 400) List<String> codes,
                       @Nullable @Size(max = 20) List<@Size(max = 20_000) String> polygons,
                       @Nullable @Size(max = 20) List<@Size(max = 100) String> circles) {
    }

    /** One language's text. The headline becomes the push notification, so it is kept short. */
    @Serdeable
    record InfoRequest(@Nullable @Size(max = 100) String event,
                       @NotBlank @Size(max = 140) String headline,
                       @NotBlank @Size(max = 2000) String description,
                       @Nullable @Size(max = 1000) String instruction) {
    }

    /** A message to write or change as a draft. Dutch text is required; English is expected. */
    @Serdeable
    record AlertRequest(@Nullable Cap.Status status,
                        @NotNull Hazard hazard,
                        @Nullable Cap.Category category,
                        @NotNull Cap.Urgency urgency,
                        @NotNull Cap.Severity severity,
                        @NotNull Cap.Certainty certainty,
                        @Nullable Cap.ResponseType responseType,
                        @Nullable Instant onset,
                        @NotNull Instant expires,
                        @Nullable @Size(max = 500) String web,
                        @NotNull @Valid AreaRequest area,
                        @NotEmpty @Size(max = 7) Map<String, @NotNull @Valid InfoRequest> infos) {
    }

    @Serdeable
    record Info(String language, String event, String headline, String description, @Nullable String instruction) {
    }

    @Serdeable
    record Area(List<String> codes, List<String> polygons, List<String> circles, List<String> municipalities) {
    }

    /**
     * A message as its organisation sees it, with where it stands in the workflow.
     *
     * @param contributors the people who wrote, edited or published it alone; none of them may approve or review it
     * @param reviewNeeded published by one person alone; {@code reviewedBy} names the second person once reviewed
     */
    @Serdeable
    record Alert(long id, String identifier, String organisation, Cap.Status status, Cap.MsgType msgType,
                 @Nullable String references, Hazard hazard, Cap.Category category, Cap.Urgency urgency,
                 Cap.Severity severity, Cap.Certainty certainty, @Nullable Cap.ResponseType responseType,
                 @Nullable Instant onset, Instant expires, @Nullable String web, Area area, AlertState state,
                 String author, @Nullable String approver, boolean reviewNeeded, @Nullable String reviewedBy,
                 @Nullable Instant reviewedAt, @Nullable String reviewNote, List<String> contributors, Instant createdAt,
                 @Nullable Instant publishedAt, List<Info> infos, @JsonInclude(JsonInclude.Include.ALWAYS) List<String> warnings) {
    }

    /** A message with its area drawn as GeoJSON, for the alert's own page in the app. */
    @Serdeable
    record PublicAlertDetail(PublicAlert alert, Map<String, Object> area) {
    }

    /** What residents see of an active message, in one language. */
    @Serdeable
    record PublicAlert(long id, String identifier, Cap.Status status, boolean exercise, Cap.MsgType msgType,
                       Hazard hazard, Cap.Category category, Cap.Urgency urgency, Cap.Severity severity,
                       Cap.Certainty certainty, @Nullable Cap.ResponseType responseType, @Nullable Instant onset,
                       Instant expires, Instant sent, @Nullable String web, String locale, boolean fallback,
                       String event, String headline, String description, @Nullable String instruction,
                       List<String> areaCodes, List<String> municipalities, String senderOrganisation,
                       boolean active, AlertState state, Map<String, String> links) {
    }

    @Serdeable
    record PublicAlerts(String locale, @JsonInclude(JsonInclude.Include.ALWAYS) List<PublicAlert> alerts) {
    }

    /** A draft from a template: the values fill its placeholders; area and timing as for any message. */
    @Serdeable
    record FromTemplate(@NotBlank String template,
                        @NotNull @Size(max = 10) Map<String, @Size(max = 100) String> values,
                        @Nullable Cap.Status status,
                        @Nullable Instant onset,
                        @NotNull Instant expires,
                        @NotNull @Valid AreaRequest area) {
    }

    /**
     * The dry run of a CAP import: whether the message is valid CAP 1.2, whether it meets Paraat's
     * own rules, and whether the sender may target its area, each with its problems.
     */
    @Serdeable
    record CapCheck(boolean capValid, @JsonInclude(JsonInclude.Include.ALWAYS) List<nl.paraat.common.Problem.FieldError> capErrors,
                    boolean paraatValid, @JsonInclude(JsonInclude.Include.ALWAYS) List<nl.paraat.common.Problem.FieldError> paraatErrors,
                    boolean areaAllowed, @JsonInclude(JsonInclude.Include.ALWAYS) List<nl.paraat.common.Problem.FieldError> areaErrors) {
    }

    @Serdeable
    record Transition(@Nullable @Size(max = 500) String note) {
    }
}
