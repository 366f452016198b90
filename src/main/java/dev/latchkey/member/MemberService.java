package dev.latchkey.member;

import java.time.Clock;
import java.util.List;
import java.util.regex.Pattern;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.latchkey.InvalidInputException;
import dev.latchkey.account.Role;
import dev.latchkey.account.UserSessions;
import dev.latchkey.account.Users;
import dev.latchkey.apikey.ApiKeyService;
import dev.latchkey.audit.AuditLog;
import dev.latchkey.link.EmailLinks;
import dev.latchkey.link.LinkPurpose;
import dev.latchkey.shared.Actor;
import dev.latchkey.shared.TenantId;
import dev.latchkey.shared.UserId;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Settings → Members: who belongs to a tenant, with which role. Every member may list them; only an active Admin
 * of the tenant may change them, and a tenant always keeps at least one active Admin. Disabling or removing a
 * member ends its sessions at once; its keys keep working unless the admin asks to deactivate them too.
 */
@Service
public class MemberService {

	private static final Logger log = LoggerFactory.getLogger(MemberService.class);

	static final int MAX_NAME_LENGTH = 128;

	static final int MAX_EMAIL_LENGTH = 320;

	private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

	private final Members members;

	private final Users users;

	private final InvitationService invitations;

	private final ApiKeyService keys;

	private final UserSessions sessions;

	private final AuditLog audit;

	private final TransactionTemplate transaction;

	private final EmailLinks links;

	private final Clock clock;

	MemberService(Members members, Users users, InvitationService invitations, ApiKeyService keys,
			UserSessions sessions, AuditLog audit, TransactionTemplate transaction, EmailLinks links, Clock clock) {
		this.members = members;
		this.links = links;
		this.users = users;
		this.invitations = invitations;
		this.keys = keys;
		this.sessions = sessions;
		this.audit = audit;
		this.transaction = transaction;
		this.clock = clock;
	}

	public List<Member> list(TenantId tenant) {
		return this.members.list(tenant);
	}

	public Member find(TenantId tenant, UserId id) {
		return this.members.find(tenant, id).orElseThrow(MemberNotFoundException::new);
	}

	/** Whether the actor, as it is now, is an active Admin of its tenant: the one who may change members. */
	public boolean canManage(Actor actor) {
		return this.users.find(actor.userId())
			.filter((user) -> user.tenantId().equals(actor.tenantId()) && user.canSignIn() && user.role() == Role.ADMIN)
			.isPresent();
	}

	/**
	 * Invites a member: it gets an email with a link to choose its password.
	 * @throws InvalidInputException naming the field: {@code email}, {@code name} or {@code role}
	 */
	public Member invite(Actor actor, NewMember request) {
		requireManager(actor);
		Role role = Role.parse(request.role())
			.orElseThrow(() -> new InvalidInputException("role", "Choose Admin, Developer or Viewer."));
		return this.invitations.invite(actor, actor.tenantId(), checkEmail(actor.tenantId(), request.email()),
				checkName(request.name()), role);
	}

	/** Sends a new invitation link to an invited member; the older link stops working. */
	public void reinvite(Actor actor, UserId id) {
		requireManager(actor);
		Member member = find(actor.tenantId(), id);
		if (member.status() != Member.Status.INVITED) {
			throw new InvalidInputException("member", "This member already accepted the invitation.");
		}
		this.invitations.reissue(actor, member);
	}

	/** Withdraws an invitation: its link stops working and the address is free again. */
	public void revokeInvitation(Actor actor, UserId id) {
		requireManager(actor);
		this.transaction.executeWithoutResult((status) -> {
			Member member = find(actor.tenantId(), id);
			if (member.status() != Member.Status.INVITED) {
				throw new InvalidInputException("member", "This member already accepted the invitation.");
			}
			this.members.markRemoved(actor.tenantId(), id, this.clock.instant());
			this.invitations.revoke(member);
			this.audit.recordAbout(actor, "invitation_revoked", id, this.clock.instant());
		});
	}

	public Member changeRole(Actor actor, UserId id, String roleName) {
		requireManager(actor);
		Role role = Role.parse(roleName)
			.orElseThrow(() -> new InvalidInputException("role", "Choose Admin, Developer or Viewer."));
		return this.transaction.execute((status) -> {
			this.members.lockTenant(actor.tenantId());
			Member member = find(actor.tenantId(), id);
			if (member.role() == role) {
				return member;
			}
			if (role != Role.ADMIN) {
				requireAnotherAdmin(member);
			}
			this.members.updateRole(actor.tenantId(), id, role);
			this.audit.recordAbout(actor, "member_role_changed", id, this.clock.instant());
			return find(actor.tenantId(), id);
		});
	}

	/**
	 * Disables a member and ends its sessions at once.
	 * @param alsoDeactivateKeys whether to deactivate the active keys it created as well
	 * @return how many keys were deactivated
	 */
	public int disable(Actor actor, UserId id, boolean alsoDeactivateKeys) {
		requireManager(actor);
		Member member = this.transaction.execute((status) -> {
			this.members.lockTenant(actor.tenantId());
			Member found = find(actor.tenantId(), id);
			requireAnotherAdmin(found);
			this.members.setEnabled(actor.tenantId(), id, false);
			this.audit.recordAbout(actor, "member_disabled", id, this.clock.instant());
			return found;
		});
		return afterLeaving(actor, member, alsoDeactivateKeys);
	}

	public void enable(Actor actor, UserId id) {
		requireManager(actor);
		this.transaction.executeWithoutResult((status) -> {
			find(actor.tenantId(), id);
			this.members.setEnabled(actor.tenantId(), id, true);
			this.audit.recordAbout(actor, "member_enabled", id, this.clock.instant());
		});
	}

	/**
	 * Removes a member: it can never sign in again and its sessions end at once. Its keys belong to the tenant and
	 * keep working unless {@code alsoDeactivateKeys}.
	 * @return how many keys were deactivated
	 */
	public int remove(Actor actor, UserId id, boolean alsoDeactivateKeys) {
		requireManager(actor);
		Member member = this.transaction.execute((status) -> {
			this.members.lockTenant(actor.tenantId());
			Member found = find(actor.tenantId(), id);
			requireAnotherAdmin(found);
			this.members.markRemoved(actor.tenantId(), id, this.clock.instant());
			// No emailed link of a removed member may work any more.
			this.links.revoke(LinkPurpose.PASSWORD_RESET, id.value());
			this.invitations.revoke(found);
			this.audit.recordAbout(actor, "member_removed", id, this.clock.instant());
			return found;
		});
		return afterLeaving(actor, member, alsoDeactivateKeys);
	}

	/** The active keys a member created: the Disable and Remove dialogs offer to deactivate them. */
	public int activeKeysCreatedBy(TenantId tenant, UserId id) {
		return this.keys.countActiveCreatedBy(tenant, id);
	}

	private int afterLeaving(Actor actor, Member member, boolean alsoDeactivateKeys) {
		int ended = this.sessions.endAll(member.email());
		log.info("Member {} of tenant {} disabled or removed; {} sessions ended", member.id().value(),
				actor.tenantId().value(), ended);
		return alsoDeactivateKeys ? this.keys.deactivateCreatedBy(actor, member.id()) : 0;
	}

	private void requireAnotherAdmin(Member member) {
		if (member.isActiveAdmin() && this.members.countActiveAdmins(member.tenantId()) <= 1) {
			throw new LastAdminException();
		}
	}

	private void requireManager(Actor actor) {
		if (!canManage(actor)) {
			throw new AccessDeniedException("Only an admin of this tenant may change its members");
		}
	}

	/**
	 * Invites the first admin of a tenant an operator just created (the operator service checks its authority).
	 * @throws InvalidInputException naming {@code email} or {@code name}
	 */
	public Member inviteFirstAdmin(Actor operator, String email, String name) {
		return this.invitations.invite(operator, operator.tenantId(), checkEmail(operator.tenantId(), email),
				checkName(name), Role.ADMIN);
	}

	/**
	 * @return the address, trimmed, if no account has it yet
	 * @throws InvalidInputException naming {@code email}
	 */
	public String checkEmail(TenantId tenant, String email) {
		String trimmed = (email != null) ? email.strip() : "";
		if (trimmed.isEmpty()) {
			throw new InvalidInputException("email", "Enter the member's email address.");
		}
		if (trimmed.length() > MAX_EMAIL_LENGTH || !EMAIL.matcher(trimmed).matches()) {
			throw new InvalidInputException("email", "Enter an email address such as ada@example.com.");
		}
		this.members.tenantOfEmail(Users.normalize(trimmed)).ifPresent((owner) -> {
			// Which other tenant is never said: only that an address belongs to one tenant at most.
			throw new InvalidInputException("email", owner.equals(tenant) ? "This person is already a member."
					: "This address already has a Latchkey account; an email can belong to one tenant only.");
		});
		return trimmed;
	}

	public static String checkName(String name) {
		String trimmed = (name != null) ? name.strip() : "";
		if (trimmed.isEmpty()) {
			throw new InvalidInputException("name", "Enter the member's name.");
		}
		if (trimmed.length() > MAX_NAME_LENGTH) {
			throw new InvalidInputException("name", "Use at most " + MAX_NAME_LENGTH + " characters.");
		}
		return trimmed;
	}

}
