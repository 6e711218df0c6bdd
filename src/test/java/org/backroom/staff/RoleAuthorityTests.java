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
 * Every role action, by every kind of actor, on a custom role with every permission, one with a cashier's, one with
 * exactly the actor's own permissions (held by nobody), and the role the actor holds: nobody writes into a role
 * what they lack, nor reshapes the role they hold; and a refusal changes nothing.
 */
@BackroomTest
class RoleAuthorityTests extends ApiTest {

	private static final Map<Actors, Actor> ACTORS = new EnumMap<>(Actors.class);

	private static final List<String> CASHIER = List.of("sales.view", "sales.create", "customer.view",
			"customer.create", "item.view");

	enum Target {
		EVERYTHING, CASHIER_LIKE, PEER, OWN
	}

	enum Action {
		CREATE_LIKE, DESCRIBE, GRANT_EVERYTHING, CLONE, DELETE
	}

	/** Expected statuses on the targets EVERYTHING, CASHIER_LIKE, PEER, OWN; "-" where the pair makes no sense. */
	static Stream<Arguments> table() {
		List<Arguments> rows = new ArrayList<>();
		add(rows, Actors.OWNER, "201 201 - 201", "200 200 - 403", "200 200 - 403", "201 201 - 201", "204 204 - 403");
		String none = "403 403 403 403";
		for (Actors refused : List.of(Actors.MANAGER, Actors.STAFF_MANAGER, Actors.STAFF_ADMIN)) {
			add(rows, refused, none, none, none, none, none);
		}
		add(rows, Actors.ROLE_MANAGER, "403 403 201 201", "403 403 200 403", none, "403 403 201 201", "403 403 204 403");
		return rows.stream();
	}

	@ParameterizedTest(name = "{0} {1} {2}: {3}")
	@MethodSource("table")
	void eachActorShapesOnlyRolesWithinWhatTheyHoldAndNeverTheirOwn(Actors kind, Action action, Target target,
			int expected) {
		Actor actor = actor(kind);
		long roleId = target(actor, target);
		String path = "/api/roles/" + roleId;
		String before = api.get(path).body();
		int roles = api.get("/api/roles").json().size();
		String permissions = actor.api().get("/api/me").json().path("permissions").toString();
		String auditBefore = newestAuditEntry();

		Api.Response answer = act(actor.api(), action, path);

		assertThat(answer.status()).as(answer.toString()).isEqualTo(expected);
		if (expected >= 400) {
			assertThat(answer.problemType()).isEqualTo("forbidden");
			assertThat(answer.json().path("detail").asString()).isNotBlank();
			if (target != Target.OWN) {
				assertThat(answer.json().path("missingPermission").asString()).as(answer.toString()).isNotBlank();
			}
			assertThat(newestAuditEntry()).as("no audit entry for a refusal").isEqualTo(auditBefore);
			assertThat(api.get(path).body()).isEqualTo(before);
			assertThat(api.get("/api/roles").json().size()).isEqualTo(roles);
			assertThat(actor.api().get("/api/me").json().path("permissions").toString()).isEqualTo(permissions);
		}
		else {
			assertThat(newestAuditEntry()).isNotEqualTo(auditBefore);
		}
	}

	private Api.Response act(Api as, Action action, String path) {
		var role = api.get(path);
		String name = role.json().path("name").asString();
		List<String> permissions = new ArrayList<>();
		role.json().path("permissions").forEach(permission -> permissions.add(permission.asString()));
		String etag = String.valueOf(role.header("ETag"));
		return switch (action) {
			case CREATE_LIKE -> as.post("/api/roles", Map.of("name", fresh(), "permissions", permissions));
			case DESCRIBE -> as.put(path, Map.of("name", name, "description", "Described", "permissions", permissions),
					"If-Match", etag);
			case GRANT_EVERYTHING -> as.put(path, Map.of("name", name, "permissions", everything()), "If-Match", etag);
			case CLONE -> as.post(path + "/clone", Map.of("name", fresh()));
			case DELETE -> as.delete(path);
		};
	}

	/** The role acted on: made for the case, except the actor's own. */
	private long target(Actor actor, Target target) {
		if (target == Target.OWN) {
			return roleId(actor.role());
		}
		List<String> permissions = switch (target) {
			case EVERYTHING -> everything();
			case CASHIER_LIKE -> CASHIER;
			default -> actor.kind().permissions();
		};
		var created = api.post("/api/roles", Map.of("name", fresh(), "permissions", permissions));
		assertThat(created.status()).as(created.toString()).isEqualTo(201);
		return created.json().path("id").asLong();
	}

	private List<String> everything() {
		List<String> all = new ArrayList<>();
		api.get("/api/permissions").json().forEach(permission -> all.add(permission.asString()));
		return all;
	}

	private long roleId(String name) {
		for (var role : api.get("/api/roles").json()) {
			if (role.path("name").asString().equals(name)) {
				return role.path("id").asLong();
			}
		}
		throw new IllegalStateException("No role " + name);
	}

	private Actor actor(Actors kind) {
		synchronized (ACTORS) {
			return ACTORS.computeIfAbsent(kind, key -> key.make(api, this::staffWithRole));
		}
	}

	private String newestAuditEntry() {
		return api.get("/api/audit?limit=1").json().path("items").get(0).path("id").asString();
	}

	private static String fresh() {
		return "Role " + UUID.randomUUID().toString().substring(0, 8);
	}

	private static void add(List<Arguments> rows, Actors actor, String... byAction) {
		for (Action action : Action.values()) {
			String[] byTarget = byAction[action.ordinal()].split(" ");
			for (Target target : Target.values()) {
				if (!byTarget[target.ordinal()].equals("-")) {
					rows.add(Arguments.of(actor, action, target, Integer.parseInt(byTarget[target.ordinal()])));
				}
			}
		}
	}

}
