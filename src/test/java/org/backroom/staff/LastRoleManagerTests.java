package org.backroom.staff;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.backroom.support.Api;
import org.backroom.support.ApiTest;
import org.backroom.support.BackroomTest;
import org.junit.jupiter.api.Test;

/** Its own application, so that it knows exactly who can manage roles. */
@BackroomTest(properties = "backroom.approvals.expire-after=71h")
class LastRoleManagerTests extends ApiTest {

	@Test
	void keepsTheLastActiveUserWhoCanManageRoles() {
		Api secondOwner = staffWithRole("Owner");
		long admin = api.get("/api/me").json().path("id").asLong();
		long second = secondOwner.get("/api/me").json().path("id").asLong();
		api.post("/api/roles", Map.of("name", "Staff keeper", "permissions",
				List.of("staff.view", "staff.deactivate", "staff.delete")));
		Api keeper = staffWithRole("Staff keeper");

		// Two owners: one may go.
		assertThat(secondOwner.post("/api/staff/" + admin + "/deactivate", Map.of("reason", "on leave")).status())
			.isEqualTo(200);

		// Now the second owner is the only one left who can manage roles: they stay. The keeper lacks most of what an
		// owner holds, so nobody-acts-above-their-rights refuses first; the last-manager rule stays behind it.
		var refused = keeper.post("/api/staff/" + second + "/deactivate", Map.of("reason", "oops"));
		assertThat(refused.status()).isEqualTo(403);
		assertThat(refused.json().path("missingPermissions").toString()).contains("role.manage");
		assertThat(keeper.delete("/api/staff/" + second + "?reason=oops").status()).isEqualTo(403);
		assertThat(secondOwner.get("/api/me").status()).isEqualTo(200);
	}

}
