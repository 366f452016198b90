package dev.latchkey.member;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.latchkey.InvalidInputException;
import dev.latchkey.account.PasswordPolicy;
import dev.latchkey.account.PasswordRejectedException;
import dev.latchkey.account.Role;
import dev.latchkey.account.User;
import dev.latchkey.account.Users;
import dev.latchkey.audit.AuditLog;
import dev.latchkey.mail.Email;
import dev.latchkey.mail.Mailer;
import dev.latchkey.shared.Actor;
import dev.latchkey.shared.TenantId;
import dev.latchkey.shared.UserId;
import dev.latchkey.tenant.Tenant;
import dev.latchkey.tenant.Tenants;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Invitations: an emailed, single-use link, valid for {@code latchkey.members.invitation-validity}, with which an
 * invited member chooses its password (the same policy as everywhere). Only the newest link of a member works;
 * revoking the invitation or inviting again kills the older one. Nothing the link's pages say tells whether an
 * account exists.
 */
@Service
public class InvitationService {

	private final Users users;

	private final Members members;

	private final Invitations invitations;

	private final InvitationMails mails;

	private final Tenants tenants;

	private final PasswordPolicy policy;

	private final PasswordEncoder encoder;

	private final Mailer mailer;

	private final AuditLog audit;

	private final TransactionTemplate transaction;

	private final MemberProperties properties;

	private final Clock clock;

	private final SecureRandom random = new SecureRandom();

	InvitationService(Users users, Members members, Invitations invitations, InvitationMails mails, Tenants tenants,
			PasswordPolicy policy, PasswordEncoder encoder, Mailer mailer, AuditLog audit,
			TransactionTemplate transaction, MemberProperties properties, Clock clock) {
		this.users = users;
		this.members = members;
		this.invitations = invitations;
		this.mails = mails;
		this.tenants = tenants;
		this.policy = policy;
		this.encoder = encoder;
		this.mailer = mailer;
		this.audit = audit;
		this.transaction = transaction;
		this.properties = properties;
		this.clock = clock;
	}

	/** Creates the invited member and emails its link, once the surrounding transaction committed. */
	Member invite(Actor actor, TenantId tenant, String email, String name, Role role) {
		// A password nobody knows, hashed like any other, so that signing in as an invited member costs the same.
		String unusable = this.encoder.encode(InvitationToken.generate(this.random));
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
			issue(actor, member, now);
			return member;
		});
	}

	/** A new link for an invited member; the older one stops working. */
	void reissue(Actor actor, Member member) {
		this.transaction.executeWithoutResult((status) -> {
			Instant now = this.clock.instant();
			this.audit.recordAbout(actor, "member_reinvited", member.id(), now);
			issue(actor, member, now);
		});
	}

	private void issue(Actor actor, Member member, Instant now) {
		String token = InvitationToken.generate(this.random);
		this.invitations.replace(member.id(), InvitationToken.hash(token), now,
				now.plus(this.properties.invitationValidity()));
		String tenantName = this.tenants.find(member.tenantId()).map(Tenant::name).orElse("Latchkey");
		String inviter = this.users.find(actor.userId()).map(User::label).orElse("Latchkey");
		Email email = this.mails.invitation(member, tenantName, inviter, token, this.properties.invitationValidity());
		// Only once the invitation is committed, so that the link works when it arrives.
		TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
			@Override
			public void afterCommit() {
				InvitationService.this.mailer.send(email);
			}
		});
	}

	/** @return the link as the browser session may keep it, if it is still usable */
	public Optional<InvitationTicket> check(String token) {
		if (!InvitationToken.isWellFormed(token)) {
			return Optional.empty();
		}
		String hash = InvitationToken.hash(token);
		return this.invitations.findUsable(hash, this.clock.instant()).map((user) -> new InvitationTicket(hash));
	}

	public boolean isUsable(InvitationTicket ticket) {
		return ticket != null && this.invitations.findUsable(ticket.tokenHash(), this.clock.instant()).isPresent();
	}

	/** The address the invitation is for, shown on the form (the link proves its holder read that mailbox). */
	public Optional<String> email(InvitationTicket ticket) {
		return this.invitations.findUsable(ticket.tokenHash(), this.clock.instant())
			.flatMap(this.users::find)
			.map(User::email);
	}

	/**
	 * Sets the member's password and makes it active; it then signs in as anybody does.
	 * @throws PasswordRejectedException listing every rule the password breaks; the link stays usable
	 * @throws InvalidInvitationException if the link is no longer usable
	 */
	public void accept(InvitationTicket ticket, String password, String confirmation, String clientIp) {
		UserId userId = this.invitations.findUsable(ticket.tokenHash(), this.clock.instant())
			.orElseThrow(InvalidInvitationException::new);
		User user = this.users.find(userId).orElseThrow(InvalidInvitationException::new);
		Map<String, List<String>> problems = new LinkedHashMap<>();
		List<String> violations = this.policy.violations(password, user.email());
		if (!violations.isEmpty()) {
			problems.put("password", violations);
		}
		if (password == null || !password.equals(confirmation)) {
			problems.put("confirmation", List.of("The two passwords do not match."));
		}
		if (!problems.isEmpty()) {
			throw new PasswordRejectedException(problems);
		}
		String hash = this.encoder.encode(password);
		this.transaction.executeWithoutResult((status) -> {
			Instant now = this.clock.instant();
			if (!this.invitations.consume(ticket.tokenHash(), now)) {
				throw new InvalidInvitationException();
			}
			this.users.acceptInvitation(user.id(), hash);
			this.audit.recordAbout(Actor.user(user.tenantId(), user.id(), clientIp), "invitation_accepted", user.id(),
					now);
		});
	}

}
