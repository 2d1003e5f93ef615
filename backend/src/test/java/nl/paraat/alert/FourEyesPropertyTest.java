package nl.paraat.alert;

import io.micronaut.test.annotation.MockBean;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import nl.paraat.auth.AuthFixtures;
import nl.paraat.auth.OrganisationKind;
import nl.paraat.auth.Role;
import nl.paraat.testing.Http;
import nl.paraat.testing.MutableClock;
import nl.paraat.testing.ServerTestSupport;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Generated crisis rooms: a few people, each with one or more keys of random roles, a feed's system key
 * and a key from before members existed. A draft is written and edited by random keys and then every
 * key tries to approve it, in random order. Exactly the keys of a person who neither wrote nor edited
 * it, holding the approver role, succeed; every refusal leaves the message submitted.
 */
@MicronautTest(transactional = false)
class FourEyesPropertyTest extends ServerTestSupport {

    private static final int ROOMS = 60;
    private static final MutableClock clock = new MutableClock(Instant.parse("2026-11-25T10:00:00Z"));

    @MockBean(Clock.class)
    Clock clock() {
        return clock;
    }

    record Key(String token, String person, Set<Role> roles) {

        boolean issues() {
            return roles.contains(Role.ALERT_ISSUER);
        }
    }

    @Test
    void onlyASecondPersonWhoDidNotShapeTheMessageApprovesIt() {
        Random random = new Random(20261204);
        int approvalsTried = 0;
        int refused = 0;
        for (int room = 0; room < ROOMS; room++) {
            List<Key> keys = crisisRoom(random);
            List<Key> issuers = keys.stream().filter(Key::issues).toList();
            Key writer = issuers.get(random.nextInt(issuers.size()));
            Set<String> shapedBy = new HashSet<>();
            long id = created(http.post(FourEyesTest.ALERTS, AlertJson.powerOutage("[\"GM0150\"]"), writer.token()));
            note(shapedBy, writer);
            for (int edit = random.nextInt(4); edit > 0; edit--) {
                Key editor = issuers.get(random.nextInt(issuers.size()));
                Http.Response edited = http.put(FourEyesTest.ALERTS + "/" + id, AlertJson.powerOutage("[\"VR04\"]"),
                        editor.token());
                assertThat(edited.status()).as(edited.body()).isEqualTo(200);
                note(shapedBy, editor);
            }
            Key submitter = issuers.get(random.nextInt(issuers.size()));
            assertThat(http.post(FourEyesTest.ALERTS + "/" + id + "/submit", "", submitter.token()).status()).isEqualTo(200);

            List<Key> attempts = new ArrayList<>(keys);
            Collections.shuffle(attempts, random);
            boolean published = false;
            for (Key attempt : attempts) {
                boolean allowed = attempt.roles().contains(Role.ALERT_APPROVER) && attempt.person() != null
                        && !shapedBy.contains(attempt.person());
                Http.Response response = http.post(FourEyesTest.ALERTS + "/" + id + "/approve", "", attempt.token());
                approvalsTried++;
                if (allowed) {
                    assertThat(response.status()).as("room %d: %s may approve: %s", room, attempt, response.body())
                            .isEqualTo(200);
                    published = true;
                    break;
                }
                refused++;
                assertThat(response.status()).as("room %d: %s wrote or edited it or is no approver: %s", room, attempt,
                        response.body()).isEqualTo(403);
                assertThat(http.get(FourEyesTest.ALERTS + "/" + id, writer.token()).json().get("state").getStringValue())
                        .isEqualTo("submitted");
            }
            String expected = published ? "published" : "submitted";
            assertThat(http.get(FourEyesTest.ALERTS + "/" + id, writer.token()).json().get("state").getStringValue())
                    .isEqualTo(expected);
        }
        assertThat(approvalsTried).isGreaterThan(ROOMS * 2);
        assertThat(refused).isGreaterThan(ROOMS);
    }

    private List<Key> crisisRoom(Random random) {
        AuthFixtures.Member first = AuthFixtures.organisationWithKey(context, OrganisationKind.SAFETY_REGION,
                List.of("VR04"), Role.ALERT_ISSUER, Role.ALERT_APPROVER);
        String organisation = first.organisation();
        List<Key> keys = new ArrayList<>();
        keys.add(new Key(first.token(), first.person(), EnumSet.of(Role.ALERT_ISSUER, Role.ALERT_APPROVER)));
        int people = 1 + random.nextInt(3);
        for (int person = 0; person < people; person++) {
            Set<Role> roles = roles(random);
            AuthFixtures.Member member = AuthFixtures.memberWithKey(context, organisation, roles.toArray(Role[]::new));
            keys.add(new Key(member.token(), member.person(), roles));
            for (int more = random.nextInt(3); more > 0; more--) {
                Set<Role> moreRoles = roles(random);
                keys.add(new Key(AuthFixtures.anotherKeyOf(context, member, moreRoles.toArray(Role[]::new)), member.person(),
                        moreRoles));
            }
        }
        Set<Role> firstAgain = roles(random);
        keys.add(new Key(AuthFixtures.anotherKeyOf(context, first, firstAgain.toArray(Role[]::new)), first.person(), firstAgain));
        keys.add(new Key(AuthFixtures.systemKeyFor(context, organisation, Role.ALERT_ISSUER), null, EnumSet.of(Role.ALERT_ISSUER)));
        keys.add(new Key(AuthFixtures.legacySystemKeyFor(context, organisation, Role.ALERT_ISSUER, Role.ALERT_APPROVER), null,
                EnumSet.of(Role.ALERT_ISSUER, Role.ALERT_APPROVER)));
        return keys;
    }

    private static Set<Role> roles(Random random) {
        return switch (random.nextInt(3)) {
            case 0 -> EnumSet.of(Role.ALERT_ISSUER);
            case 1 -> EnumSet.of(Role.ALERT_APPROVER);
            default -> EnumSet.of(Role.ALERT_ISSUER, Role.ALERT_APPROVER);
        };
    }

    private static void note(Set<String> shapedBy, Key key) {
        if (key.person() != null) {
            shapedBy.add(key.person());
        }
    }

    private static long created(Http.Response response) {
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        return response.json().get("id").getLongValue();
    }
}
