package nl.paraat.alert;

import io.micronaut.json.tree.JsonNode;
import io.micronaut.test.annotation.MockBean;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import nl.paraat.audit.AuditEntry;
import nl.paraat.audit.AuditService;
import nl.paraat.auth.AuthFixtures;
import nl.paraat.auth.OrganisationKind;
import nl.paraat.auth.Role;
import nl.paraat.testing.Http;
import nl.paraat.testing.MutableClock;
import nl.paraat.testing.ServerTestSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import static nl.paraat.testing.ProblemAssertions.assertFieldProblem;
import static nl.paraat.testing.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Four eyes per person: keys of one member are one person, editors and system keys never approve. */
@MicronautTest(transactional = false)
class FourEyesTest extends ServerTestSupport {

    static final String ALERTS = "/api/v1/admin/alerts";
    private static final MutableClock clock = new MutableClock(Instant.parse("2026-11-25T10:00:00Z"));
    private static final String EXTREME = AlertJson.powerOutage("[\"GM0150\"]").replace("\"Severe\"", "\"Extreme\"")
            .replace("\"Expected\"", "\"Immediate\"");

    @Inject
    AuditService audit;

    AuthFixtures.Member author;
    String organisation;

    @MockBean(Clock.class)
    Clock clock() {
        return clock;
    }

    @BeforeEach
    void setUp() {
        clock.set(Instant.parse("2026-11-25T10:00:00Z"));
        author = AuthFixtures.organisationWithKey(context, OrganisationKind.SAFETY_REGION, List.of("VR04"),
                Role.ALERT_ISSUER, Role.ALERT_APPROVER, Role.ADMIN);
        organisation = author.organisation();
    }

    @Test
    void aSecondKeyOfTheAuthorIsTheSamePersonAndCannotApprove() {
        long id = submitted(author.token());
        String secondKey = AuthFixtures.anotherKeyOf(context, author, Role.ALERT_APPROVER);

        assertProblem(http.post(ALERTS + "/" + id + "/approve", "", secondKey), 403);

        assertThat(state(id)).isEqualTo("submitted");
    }

    @Test
    void aKeyTheAuthorMintsForThemselvesThroughTheApiIsStillTheAuthor() {
        long id = submitted(author.token());
        Http.Response minted = http.post("/api/v1/admin/organisations/" + organisation + "/api-keys",
                "{\"label\":\"my laptop\",\"roles\":[\"alert-approver\"],\"member\":\"" + author.subject() + "\"}",
                author.token());
        assertThat(minted.status()).as(minted.body()).isEqualTo(201);
        assertThat(minted.status()).as(minted.body()).isEqualTo(201);
        assertThat(minted.json().get("member").getStringValue()).isEqualTo(author.subject());

        assertProblem(http.post(ALERTS + "/" + id + "/approve", "", minted.json().get("key").getStringValue()), 403);
        assertThat(state(id)).isEqualTo("submitted");
    }

    @Test
    void throughTheApiAPersonMintsKeysOnlyForThemselvesAndOnlyWithRolesTheyHold() {
        AuthFixtures.Member colleague = AuthFixtures.memberWithKey(context, organisation, Role.ALERT_APPROVER);
        String keys = "/api/v1/admin/organisations/" + organisation + "/api-keys";

        assertFieldProblem(http.post(keys, "{\"label\":\"as colleague\",\"roles\":[\"alert-approver\"],\"member\":\""
                + colleague.subject() + "\"}", author.token()), 403, "member");
        assertFieldProblem(http.post(keys, "{\"label\":\"ghost\",\"roles\":[\"alert-issuer\"],\"member\":\"no-such-person\"}",
                author.token()), 403, "member");
        assertFieldProblem(http.post(keys, "{\"label\":\"escalate\",\"roles\":[\"point-manager\"]}", author.token()),
                403, "roles");
        Http.Response unnamed = http.post(keys, "{\"label\":\"no member named\",\"roles\":[\"alert-issuer\"]}", author.token());

        assertThat(unnamed.status()).as(unnamed.body()).isEqualTo(201);
        assertThat(unnamed.json().get("member").getStringValue())
                .as("a person cannot make a system key to draft anonymously and approve it themselves")
                .isEqualTo(author.subject());
        List<String> labels = nl.paraat.testing.JsonNodes.stream(http.get(keys, author.token()).json())
                .map(key -> key.get("label").getStringValue()).toList();
        assertThat(labels).doesNotContain("as colleague", "ghost", "escalate");
    }

    @Test
    void aDraftWrittenWithASelfMintedKeyIsStillTheAuthorsAndTheyCannotApproveIt() {
        String keys = "/api/v1/admin/organisations/" + organisation + "/api-keys";
        String minted = http.post(keys, "{\"label\":\"second\",\"roles\":[\"alert-issuer\"]}", author.token())
                .json().get("key").getStringValue();
        long id = submitted(minted);

        assertProblem(http.post(ALERTS + "/" + id + "/approve", "", author.token()), 403);
        assertThat(state(id)).isEqualTo("submitted");
    }

    @Test
    void aSystemKeyMintsOnlySystemKeysWithItsOwnRoles() {
        String system = AuthFixtures.systemKeyFor(context, organisation, Role.ADMIN, Role.ALERT_ISSUER);
        String keys = "/api/v1/admin/organisations/" + organisation + "/api-keys";

        assertFieldProblem(http.post(keys, "{\"label\":\"as author\",\"roles\":[\"alert-issuer\"],\"member\":\""
                + author.subject() + "\"}", system), 403, "member");
        Http.Response feed = http.post(keys, "{\"label\":\"feed\",\"roles\":[\"alert-issuer\"]}", system);
        assertThat(feed.status()).as(feed.body()).isEqualTo(201);
        assertThat(feed.json().get("member")).isNull();
    }

    @Test
    void anEditorOfTheMessageCannotApproveItButAThirdPersonCan() {
        AuthFixtures.Member editor = AuthFixtures.memberWithKey(context, organisation, Role.ALERT_ISSUER, Role.ALERT_APPROVER);
        String third = AuthFixtures.keyFor(context, organisation, Role.ALERT_APPROVER);
        long id = draft(author.token());
        Http.Response edited = http.put(ALERTS + "/" + id, AlertJson.powerOutage("[\"VR04\"]"), editor.token());
        assertThat(edited.status()).as(edited.body()).isEqualTo(200);
        assertThat(edited.json().get("contributors").values()).extracting(JsonNode::getStringValue)
                .containsExactlyInAnyOrder(author.person(), editor.person());
        assertThat(http.post(ALERTS + "/" + id + "/submit", "", editor.token()).status()).isEqualTo(200);

        assertProblem(http.post(ALERTS + "/" + id + "/approve", "", editor.token()), 403);
        assertProblem(http.post(ALERTS + "/" + id + "/approve", "", author.token()), 403);
        assertThat(state(id)).isEqualTo("submitted");

        assertThat(http.post(ALERTS + "/" + id + "/approve", "", third).status()).isEqualTo(200);
    }

    @Test
    void aSystemKeyDraftsAndSubmitsButNeverApprovesOrReviews() {
        String feed = AuthFixtures.systemKeyFor(context, organisation, Role.ALERT_ISSUER);
        String oldApproverKey = AuthFixtures.legacySystemKeyFor(context, organisation, Role.ALERT_ISSUER, Role.ALERT_APPROVER);
        long fromFeed = submitted(feed);
        long byAuthor = submitted(author.token());

        assertProblem(http.post(ALERTS + "/" + byAuthor + "/approve", "", oldApproverKey), 403);
        assertProblem(http.post(ALERTS + "/" + fromFeed + "/approve", "", oldApproverKey), 403);
        assertThat(state(byAuthor)).isEqualTo("submitted");
        assertThat(state(fromFeed)).isEqualTo("submitted");
        assertThat(http.get("/api/v1/admin/me", feed).json().get("person")).isNull();

        Http.Response approved = http.post(ALERTS + "/" + fromFeed + "/approve", "", author.token());
        assertThat(approved.status()).as("a person who did not write it approves a feed's draft").isEqualTo(200);
    }

    @Test
    void aMemberWhoWasRemovedCanNoLongerUseTheirKeys() {
        AuthFixtures.Member leaver = AuthFixtures.memberWithKey(context, organisation, Role.ALERT_APPROVER);
        assertThat(http.get("/api/v1/admin/me", leaver.token()).json().get("person").getStringValue())
                .isEqualTo(leaver.person());

        Http.Response removed = http.delete("/api/v1/admin/organisations/" + organisation + "/members/" + leaver.subject(),
                author.token());

        assertThat(removed.status()).isEqualTo(204);
        assertProblem(http.get("/api/v1/admin/me", leaver.token()), 401);
        assertThat(audit.latest(organisation, 5)).extracting(AuditEntry::action).contains("member.removed");
    }

    @Test
    void publishingAloneIsOffUntilTheOperatorGrantsTheOrganisationThePrivilege() {
        long id = draft(author.token(), EXTREME);

        assertProblem(http.post(ALERTS + "/" + id + "/publish-immediately", "", author.token()), 403);
        assertThatThrownBy(() -> AuthFixtures.anotherKeyOf(context, author, Role.ALERT_URGENT))
                .as("not even the operator hands out alert-urgent before granting the privilege")
                .isInstanceOf(nl.paraat.common.ProblemException.class).hasMessageContaining("may not publish");
        assertThat(state(id)).isEqualTo("draft");

        AuthFixtures.allowSinglePersonPublishing(context, organisation);
        String urgent = AuthFixtures.anotherKeyOf(context, author, Role.ALERT_URGENT);
        assertFieldProblem(http.post("/api/v1/admin/organisations/" + organisation + "/api-keys",
                "{\"label\":\"urgent\",\"roles\":[\"alert-urgent\"]}", author.token()), 403, "roles");
        long severe = draft(author.token());
        assertProblem(http.post(ALERTS + "/" + severe + "/publish-immediately", "", urgent), 403);

        Http.Response published = http.post(ALERTS + "/" + id + "/publish-immediately", "", urgent);

        assertThat(published.status()).as(published.body()).isEqualTo(200);
        assertThat(published.json().get("reviewNeeded").getBooleanValue()).isTrue();
        assertThat(published.json().get("reviewedBy")).isNull();
        assertThat(audit.history("alert", Long.toString(id))).extracting(AuditEntry::action)
                .contains("alert.published-immediately");
    }

    @Test
    void whatOnePersonPublishedAloneIsReviewedByASecondPersonOnce() {
        AuthFixtures.allowSinglePersonPublishing(context, organisation);
        AuthFixtures.Member publisher = AuthFixtures.memberWithKey(context, organisation, Role.ALERT_URGENT,
                Role.ALERT_APPROVER);
        String reviewer = AuthFixtures.keyFor(context, organisation, Role.ALERT_APPROVER);
        String system = AuthFixtures.systemKeyFor(context, organisation, Role.ALERT_ISSUER);
        long id = draft(author.token(), EXTREME);
        assertThat(http.post(ALERTS + "/" + id + "/publish-immediately", "", publisher.token()).status()).isEqualTo(200);

        assertProblem(http.post(ALERTS + "/" + id + "/review", "", publisher.token()), 403);
        assertProblem(http.post(ALERTS + "/" + id + "/review", "", author.token()), 403);
        assertProblem(http.post(ALERTS + "/" + id + "/review", "", system), 403);
        Http.Response reviewed = http.post(ALERTS + "/" + id + "/review", "{\"note\":\"Rightly sent\"}", reviewer);

        assertThat(reviewed.status()).as(reviewed.body()).isEqualTo(200);
        assertThat(reviewed.json().get("reviewedBy").getStringValue()).startsWith("member:");
        assertThat(reviewed.json().get("reviewNote").getStringValue()).isEqualTo("Rightly sent");
        assertProblem(http.post(ALERTS + "/" + id + "/review", "", reviewer), 409);
        Http.Response delivery = http.get(ALERTS + "/" + id + "/delivery", reviewer);
        assertThat(delivery.status()).as(delivery.body()).isEqualTo(200);
        assertThat(delivery.json().get("publishedAlone").getBooleanValue()).isTrue();
        assertThat(audit.history("alert", Long.toString(id))).extracting(AuditEntry::action)
                .contains("alert.reviewed", "alert.published-immediately");
    }

    @Test
    void aMessageApprovedByASecondPersonNeedsNoReview() {
        long id = submitted(author.token());
        String approver = AuthFixtures.keyFor(context, organisation, Role.ALERT_APPROVER);
        assertThat(http.post(ALERTS + "/" + id + "/approve", "", approver).status()).isEqualTo(200);
        assertThat(http.get(ALERTS + "/" + id + "/delivery", approver).json().get("publishedAlone").getBooleanValue()).isFalse();

        assertProblem(http.post(ALERTS + "/" + id + "/review", "", AuthFixtures.keyFor(context, organisation,
                Role.ALERT_APPROVER)), 409);
    }

    long draft(String token) {
        return draft(token, AlertJson.powerOutage("[\"GM0150\"]"));
    }

    long draft(String token, String json) {
        Http.Response created = http.post(ALERTS, json, token);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().get("id").getLongValue();
    }

    long submitted(String token) {
        long id = draft(token);
        assertThat(http.post(ALERTS + "/" + id + "/submit", "", token).status()).isEqualTo(200);
        return id;
    }

    String state(long id) {
        return http.get(ALERTS + "/" + id, author.token()).json().get("state").getStringValue();
    }
}
