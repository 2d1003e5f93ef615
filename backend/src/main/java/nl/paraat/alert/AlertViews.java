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

    // The limits of a message, checked by the JSON API's validation and again by AlertChecks for every other way in.
    static final int MAX_CODES = 400;
    static final int MAX_SHAPES = 20;
    static final int MAX_POLYGON = 20_000;
    static final int MAX_CIRCLE = 100;
    static final int MAX_EVENT = 100;
    static final int MAX_HEADLINE = 140;
    static final int MAX_DESCRIPTION = 2000;
    static final int MAX_INSTRUCTION = 1000;
    static final int MAX_WEB = 500;

    @Serdeable
    record AreaRequest(@Nullable @Size(max = MAX_CODES) List<String> codes,
                       @Nullable @Size(max = MAX_SHAPES) List<@Size(max = MAX_POLYGON) String> polygons,
                       @Nullable @Size(max = MAX_SHAPES) List<@Size(max = MAX_CIRCLE) String> circles) {
    }

    /** One language's text. The headline becomes the push notification, so it is kept short. */
    @Serdeable
    record InfoRequest(@Nullable @Size(max = MAX_EVENT) String event,
                       @NotBlank @Size(max = MAX_HEADLINE) String headline,
                       @NotBlank @Size(max = MAX_DESCRIPTION) String description,
                       @Nullable @Size(max = MAX_INSTRUCTION) String instruction) {
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
                        @Nullable @Size(max = MAX_WEB) String web,
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
