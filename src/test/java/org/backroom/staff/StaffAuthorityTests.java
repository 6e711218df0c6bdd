package org.backroom.staff;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import org.backroom.staff.Actors.Actor;
import org.backroom.support.Api;
import org.backroom.support.ApiTest;
import org.backroom.support.BackroomTest;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every staff action, by every kind of actor, on the owner, a cashier, a peer (someone holding the actor's own
 * role) and themselves: what each may do, and that a refusal leaves the target exactly as it was.
 */
@BackroomTest
class StaffAuthorityTests extends ApiTest {

	private static final Map<Actors, Actor> ACTORS = new EnumMap<>(Actors.class);

	enum Target {
		OWNER, CASHIER, PEER, SELF
	}

	enum Action {
		CREATE_WITH_ROLE, EDIT, SET_PASSWORD, CHANGE_ROLES, DEACTIVATE, REACTIVATE, DELETE, RESTORE, PURGE
	}

	/** Expected statuses on the targets OWNER, CASHIER, PEER, SELF; "-" where the pair makes no sense. */
	static Stream<Arguments> table() {
		List<Arguments> rows = new ArrayList<>();
		add(rows, Actors.OWNER, Map.of(Action.CREATE_WITH_ROLE, "201 201 - -", Action.EDIT, "200 200 - 200",
				Action.SET_PASSWORD, "204 204 - 403", Action.CHANGE_ROLES, "200 200 - 403", Action.DEACTIVATE,
				"200 200 - 409", Action.REACTIVATE, "200 200 - -", Action.DELETE, "200 200 - 409", Action.RESTORE,
				"200 200 - -", Action.PURGE, "200 200 - -"));
		add(rows, Actors.MANAGER, everything("403 403 403 403"));
		add(rows, Actors.ROLE_MANAGER, everything("403 403 403 403"));
		Map<Action, String> staffManager = everything("403 403 403 403");
		staffManager.put(Action.SET_PASSWORD, "403 403 204 403");
		add(rows, Actors.STAFF_MANAGER, staffManager);
		add(rows, Actors.STAFF_ADMIN, Map.of(Action.CREATE_WITH_ROLE, "403 403 201 -", Action.EDIT, "403 403 200 200",
				Action.SET_PASSWORD, "403 403 204 403", Action.CHANGE_ROLES, "403 403 200 403", Action.DEACTIVATE,
				"403 403 200 409", Action.REACTIVATE, "403 403 200 -", Action.DELETE, "403 403 200 409", Action.RESTORE,
				"403 403 200 -", Action.PURGE, "403 403 200 -"));
		return rows.stream();
	}

	@ParameterizedTest(name = "{0} {1} {2}: {3}")
	@MethodSource("table")
	void eachActorMayActOnlyOnThoseWhoHoldNothingTheyLack(Actors kind, Action action, Target target, int expected) {
		Actor actor = actor(kind);
		Victim victim = victim(actor, action, target);
		String auditBefore = newestAuditEntry();
		String before = victim.id() == null ? "" : api.get("/api/staff/" + victim.id()).body();

		Api.Response answer = act(actor, action, victim);

		assertThat(answer.status()).as(answer.toString()).isEqualTo(expected);
		if (expected >= 400) {
			assertThat(newestAuditEntry()).as("no audit entry for a refusal").isEqualTo(auditBefore);
			assertRefusalChangedNothing(actor, action, target, victim, answer, before);
		}
		else if (victim.id() != null) {
			assertThat(api.get("/api/staff/" + victim.id()).body()).as("the change shows").isNotEqualTo(before);
		}
	}

	private void assertRefusalChangedNothing(Actor actor, Action action, Target target, Victim victim,
			Api.Response answer, String before) {
		if (answer.status() == 403) {
			assertThat(answer.problemType()).isEqualTo("forbidden");
			if (target != Target.SELF) {
				assertThat(answer.json().path("missingPermission").asString()).as(answer.toString()).isNotBlank();
			}
		}
		if (victim.id() == null) {
			assertThat(api.get("/api/staff?status=all&q=" + victim.username()).json().path("items").size())
				.as("nobody was created").isZero();
			return;
		}
		assertThat(api.get("/api/staff/" + victim.id()).body()).isEqualTo(before);
		if (action == Action.SET_PASSWORD) {
			// The old password still signs in (a wrong one is not tried: failed sign-ins count against this address).
			String password = actor.kind() == Actors.OWNER && target == Target.SELF ? ADMIN_PASSWORD : STAFF_PASSWORD;
			assertThat(anonymous.as(victim.username(), password).get("/api/me").status()).isEqualTo(200);
		}
	}

	private Api.Response act(Actor actor, Action action, Victim victim) {
		Api as = actor.api();
		String path = "/api/staff/" + victim.id();
		Map<String, Object> reason = Map.of("reason", "authority table");
		return switch (action) {
			case CREATE_WITH_ROLE -> as.post("/api/staff", Map.of("username", victim.username(), "displayName", "New",
					"password", STAFF_PASSWORD, "roles", List.of(victim.role())));
			case EDIT -> as.put(path, Map.of("displayName", victim.displayName(), "email",
					victim.username() + "@example.com"), "If-Match", etag(path));
			case SET_PASSWORD -> as.post(path + "/password", Map.of("newPassword", "set-by-someone-else"));
			case CHANGE_ROLES -> as.put(path, Map.of("displayName", victim.displayName(), "roles", List.of()),
					"If-Match", etag(path));
			case DEACTIVATE -> as.post(path + "/deactivate", reason);
			case REACTIVATE -> as.post(path + "/reactivate", reason);
			case DELETE -> as.delete(path + "?reason=authority%20table");
			case RESTORE -> as.post(path + "/restore", reason);
			case PURGE -> as.post(path + "/purge", reason);
		};
	}

	/** Whom the action is done to: a user made for it (in the state it needs), or the actor; for create, a name. */
	record Victim(Long id, String username, String displayName, String role) {
	}

	private Victim victim(Actor actor, Action action, Target target) {
		String role = switch (target) {
			case OWNER -> "Owner";
			case CASHIER -> "Cashier";
			case PEER, SELF -> actor.role();
		};
		String username = "v" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
		if (action == Action.CREATE_WITH_ROLE) {
			return new Victim(null, username, "New", role);
		}
		if (target == Target.SELF) {
			var me = api.get("/api/staff/" + actor.id()).json();
			return new Victim(actor.id(), me.path("username").asString(), me.path("displayName").asString(), role);
		}
		var created = api.post("/api/staff", Map.of("username", username, "displayName", "Target " + username,
				"password", STAFF_PASSWORD, "roles", List.of(role)));
		assertThat(created.status()).as(created.toString()).isEqualTo(201);
		long id = created.json().path("id").asLong();
		if (action == Action.REACTIVATE) {
			api.post("/api/staff/" + id + "/deactivate", Map.of("reason", "to reactivate"));
		}
		if (action == Action.RESTORE || action == Action.PURGE) {
			api.delete("/api/staff/" + id + "?reason=to%20restore");
		}
		return new Victim(id, username, "Target " + username, role);
	}

	private Actor actor(Actors kind) {
		synchronized (ACTORS) {
			return ACTORS.computeIfAbsent(kind, key -> key.make(api, this::staffWithRole));
		}
	}

	private String etag(String path) {
		return String.valueOf(api.get(path).header("ETag"));
	}

	private String newestAuditEntry() {
		return api.get("/api/audit?limit=1").json().path("items").get(0).path("id").asString();
	}

	private static Map<Action, String> everything(String statuses) {
		Map<Action, String> all = new EnumMap<>(Action.class);
		for (Action action : Action.values()) {
			boolean needsAnotherUser = action == Action.REACTIVATE || action == Action.RESTORE || action == Action.PURGE
					|| action == Action.CREATE_WITH_ROLE;
			all.put(action, needsAnotherUser ? statuses.substring(0, statuses.lastIndexOf(' ')) + " -" : statuses);
		}
		return all;
	}

	private static void add(List<Arguments> rows, Actors actor, Map<Action, String> expected) {
		expected.forEach((action, statuses) -> {
			String[] byTarget = statuses.split(" ");
			for (Target target : Target.values()) {
				if (!byTarget[target.ordinal()].equals("-")) {
					rows.add(Arguments.of(actor, action, target, Integer.parseInt(byTarget[target.ordinal()])));
				}
			}
		});
	}

}
