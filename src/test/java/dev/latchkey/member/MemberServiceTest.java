package dev.latchkey.member;

import java.util.UUID;

import dev.latchkey.InvalidInputException;
import dev.latchkey.account.Role;
import dev.latchkey.account.User;
import dev.latchkey.account.Users;
import dev.latchkey.shared.Actor;
import dev.latchkey.support.TestAccounts;
import dev.latchkey.support.TestClockConfiguration;
import dev.latchkey.tenant.Tenant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.security.access.AccessDeniedException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The member rules in the service: who may change members, and that a tenant keeps one active Admin. */
@SpringBootTest
@Import({ TestClockConfiguration.class, TestAccounts.class })
class MemberServiceTest {

	private static final String PASSWORD = "correct horse battery";

	@Autowired
	MemberService members;

	@Autowired
	TestAccounts accounts;

	@Autowired
	Users users;

	Tenant tenant;

	User admin;

	@BeforeEach
	void tenantWithOneAdmin() {
		this.tenant = this.accounts.tenant("Service " + UUID.randomUUID(), false);
		this.admin = this.accounts.admin(this.tenant, unique(), "Ada", PASSWORD);
	}

	@Test
	void theLastActiveAdminCannotBeDemotedDisabledOrRemoved() {
		Actor ada = actor(this.admin);
		assertThatThrownBy(() -> this.members.changeRole(ada, this.admin.id(), "DEVELOPER"))
			.isInstanceOf(LastAdminException.class);
		assertThatThrownBy(() -> this.members.disable(ada, this.admin.id(), false))
			.isInstanceOf(LastAdminException.class);
		assertThatThrownBy(() -> this.members.remove(ada, this.admin.id(), false))
			.isInstanceOf(LastAdminException.class);
		assertThat(this.users.find(this.admin.id()).orElseThrow().role()).isEqualTo(Role.ADMIN);
	}

	@Test
	void invitedAndDisabledAdminsDoNotCountAsTheOtherAdmin() {
		this.members.invite(actor(this.admin), new NewMember(unique(), "Invited admin", "ADMIN"));
		User disabledAdmin = this.accounts.admin(this.tenant, unique(), "Off", PASSWORD);
		this.accounts.disable(disabledAdmin);

		assertThatThrownBy(() -> this.members.changeRole(actor(this.admin), this.admin.id(), "VIEWER"))
			.isInstanceOf(LastAdminException.class);

		this.members.enable(actor(this.admin), disabledAdmin.id());
		assertThat(this.members.changeRole(actor(this.admin), this.admin.id(), "VIEWER").role()).isEqualTo(Role.VIEWER);
		assertThatThrownBy(() -> this.members.remove(actor(disabledAdmin), disabledAdmin.id(), false))
			.isInstanceOf(LastAdminException.class);
	}

	@Test
	void onlyAnActiveAdminOfTheTenantChangesMembers() {
		User developer = this.accounts.member(this.tenant, unique(), "Dev", PASSWORD, Role.DEVELOPER);
		User viewer = this.accounts.member(this.tenant, unique(), "Vi", PASSWORD, Role.VIEWER);

		assertThat(this.members.canManage(actor(this.admin))).isTrue();
		assertThat(this.members.canManage(actor(developer))).isFalse();
		assertThatThrownBy(() -> this.members.invite(actor(developer), new NewMember(unique(), "X", "VIEWER")))
			.isInstanceOf(AccessDeniedException.class);
		assertThatThrownBy(() -> this.members.disable(actor(viewer), developer.id(), false))
			.isInstanceOf(AccessDeniedException.class);

		Tenant other = this.accounts.tenant("Other " + UUID.randomUUID(), false);
		User otherAdmin = this.accounts.admin(other, unique(), "Eve", PASSWORD);
		assertThatThrownBy(() -> this.members.disable(actor(otherAdmin), developer.id(), false))
			.isInstanceOf(MemberNotFoundException.class);
		assertThat(this.users.find(developer.id()).orElseThrow().enabled()).isTrue();
	}

	@Test
	void anAddressBelongsToOneAccount() {
		Tenant other = this.accounts.tenant("Other " + UUID.randomUUID(), false);
		User stranger = this.accounts.admin(other, unique(), "Eve", PASSWORD);
		assertThatThrownBy(() -> this.members.invite(actor(this.admin),
				new NewMember(stranger.email().toUpperCase(), "Eve", "VIEWER")))
			.isInstanceOf(InvalidInputException.class)
			.hasMessageContaining("one tenant only")
			.hasMessageNotContaining(other.name());
	}

	private static Actor actor(User user) {
		return Actor.user(user.tenantId(), user.id(), null);
	}

	private static String unique() {
		return UUID.randomUUID() + "@service.test";
	}

}
