package dev.latchkey.member;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;

import dev.latchkey.InvalidInputException;
import dev.latchkey.account.NewPassword;
import dev.latchkey.account.PasswordChange;
import dev.latchkey.account.PasswordRejectedException;
import dev.latchkey.account.Passwords;
import dev.latchkey.account.Role;
import dev.latchkey.account.User;
import dev.latchkey.account.Users;
import dev.latchkey.audit.AuditLog;
import dev.latchkey.link.EmailLinks;
import dev.latchkey.link.LinkEmail;
import dev.latchkey.link.LinkPurpose;
import dev.latchkey.link.LinkTicket;
import dev.latchkey.shared.Actor;
import dev.latchkey.shared.TenantId;
import dev.latchkey.shared.UserId;
import dev.latchkey.tenant.Tenant;
import dev.latchkey.tenant.Tenants;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Invitations, on the one emailed-link machinery ({@link EmailLinks}, purpose {@link LinkPurpose#INVITATION}, the
 * invited user's id as subject): a single-use link, valid for {@code latchkey.members.invitation-validity}, with
 * which the invitee chooses its password through {@link Passwords} (the same policy as everywhere). Only the newest
 * link of a member works; revoking the invitation or inviting again kills the older one.
 */
@Service
public class InvitationService {

	private final Users users;

	private final Members members;

	private final EmailLinks links;

	private final Passwords passwords;

	private final Tenants tenants;

	private final PasswordEncoder encoder;

	private final AuditLog audit;

	private final TransactionTemplate transaction;

	private final MemberProperties properties;

	private final Clock clock;

	private final SecureRandom random = new SecureRandom();

	InvitationService(Users users, Members members, EmailLinks links, Passwords passwords, Tenants tenants,
			PasswordEncoder encoder, AuditLog audit, TransactionTemplate transaction, MemberProperties properties,
			Clock clock) {
		this.users = users;
		this.members = members;
		this.links = links;
		this.passwords = passwords;
		this.tenants = tenants;
		this.encoder = encoder;
		this.audit = audit;
		this.transaction = transaction;
		this.properties = properties;
		this.clock = clock;
	}

	/** Creates the invited member and emails its link, once the surrounding transaction committed. */
	Member invite(Actor actor, TenantId tenant, String email, String name, Role role) {
		// A password nobody knows, hashed like any other, so that signing in as an invited member costs the same.
		byte[] secret = new byte[32];
		this.random.nextBytes(secret);
		String unusable = this.encoder.encode(Base64.getEncoder().encodeToString(secret));
		return this.transaction.execute((status) -> {
			Instant now = this.clock.instant();
			User user;
			try {
				user = this.users.createInvited(tenant, email, name, unusable, role, now);
			}
			catch (DuplicateKeyException ex) {
				throw new InvalidInputException("email",
						"This address already has a Latchkey account; an email can belong to one tenant only.");
			}
			this.audit.recordAbout(actor, "member_invited", user.id(), now);
			Member member = this.members.find(tenant, user.id()).orElseThrow();
			issue(actor, member);
			return member;
		});
	}

	/** A new link for an invited member; the older one stops working. */
	void reissue(Actor actor, Member member) {
		this.transaction.executeWithoutResult((status) -> {
			this.audit.recordAbout(actor, "member_reinvited", member.id(), this.clock.instant());
			issue(actor, member);
		});
	}

	/** The member's invitation link, if any, stops working. */
	void revoke(Member member) {
		this.links.revoke(LinkPurpose.INVITATION, member.id().value());
	}

	private void issue(Actor actor, Member member) {
		String tenantName = this.tenants.find(member.tenantId()).map(Tenant::name).orElse("Latchkey");
		String inviter = this.users.find(actor.userId()).map(User::label).orElse("Latchkey");
		this.links.issue(LinkPurpose.INVITATION, member.id().value(), this.properties.invitationValidity(),
				new LinkEmail(member.email(), "You are invited to " + tenantName + " on Latchkey", "invitation",
						Map.of("inviter", inviter, "tenant", tenantName, "role", member.role().label())));
	}

	/** @return the link as the browser session may keep it, if it is still usable */
	public Optional<LinkTicket> check(String token) {
		return this.links.check(LinkPurpose.INVITATION, token).filter((ticket) -> invitee(ticket).isPresent());
	}

	public boolean isUsable(LinkTicket ticket) {
		return invitee(ticket).isPresent();
	}

	/** The address the invitation is for, shown on the form (the link proves its holder read that mailbox). */
	public Optional<String> email(LinkTicket ticket) {
		return invitee(ticket).map(User::email);
	}

	/**
	 * Sets the member's password and makes it active; it then signs in as anybody does.
	 * @throws PasswordRejectedException listing every rule the password breaks; the link stays usable
	 * @throws InvalidInvitationException if the link is no longer usable
	 */
	public void accept(LinkTicket ticket, String password, String confirmation, String clientIp) {
		User user = invitee(ticket).orElseThrow(InvalidInvitationException::new);
		NewPassword chosen = this.passwords.accept(user, password, confirmation, "password");
		this.transaction.executeWithoutResult((status) -> {
			if (!this.links.consume(ticket)) {
				throw new InvalidInvitationException();
			}
			this.passwords.set(chosen, PasswordChange.INVITATION, clientIp, null);
			this.users.markInvitationAccepted(user.id());
		});
	}

	/** The invited member a usable link is for: not removed (revoked) and still invited. */
	private Optional<User> invitee(LinkTicket ticket) {
		if (ticket == null || ticket.purpose() != LinkPurpose.INVITATION) {
			return Optional.empty();
		}
		return this.links.subject(ticket).map(UserId::new).flatMap(this.users::find).filter(User::invited);
	}

}
