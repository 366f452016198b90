package dev.latchkey.operator;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.latchkey.InvalidInputException;
import dev.latchkey.account.User;
import dev.latchkey.account.UserSessions;
import dev.latchkey.account.Users;
import dev.latchkey.apikey.ApiKeyService;
import dev.latchkey.audit.AuditLog;
import dev.latchkey.member.MemberService;
import dev.latchkey.shared.Actor;
import dev.latchkey.shared.TenantId;
import dev.latchkey.shared.UserId;
import dev.latchkey.tenant.Tenant;
import dev.latchkey.tenant.TenantAccessChanged;
import dev.latchkey.tenant.Tenants;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What operators (the vendor's staff) do with tenants: create them with a first admin, grant or revoke production,
 * suspend or resume them. Every call checks the operator authority as the user has it now, and every change is an
 * audit event of the tenant concerned, with the operator as its actor. Operators see counts, never keys.
 */
@Service
public class OperatorService {

	private static final Logger log = LoggerFactory.getLogger(OperatorService.class);

	public static final int PAGE_SIZE = 25;

	static final int MAX_NAME_LENGTH = 100;

	private final TenantDirectory directory;

	private final Tenants tenants;

	private final Users users;

	private final MemberService members;

	private final ApiKeyService keys;

	private final UserSessions sessions;

	private final AuditLog audit;

	private final ApplicationEventPublisher events;

	private final TransactionTemplate transaction;

	private final Clock clock;

	OperatorService(TenantDirectory directory, Tenants tenants, Users users, MemberService members, ApiKeyService keys,
			UserSessions sessions, AuditLog audit, ApplicationEventPublisher events, TransactionTemplate transaction,
			Clock clock) {
		this.directory = directory;
		this.tenants = tenants;
		this.users = users;
		this.members = members;
		this.keys = keys;
		this.sessions = sessions;
		this.audit = audit;
		this.events = events;
		this.transaction = transaction;
		this.clock = clock;
	}

	public TenantPage list(UserId operator, String search, int page) {
		requireOperator(operator);
		if (page < 0) {
			throw new InvalidInputException("page", "page must be 0 or more");
		}
		TenantPage found = this.directory.page(search, page, PAGE_SIZE);
		var counts = this.keys.activeKeyCounts(found.tenants().stream().map(TenantSummary::id).toList());
		return new TenantPage(
				found.tenants().stream().map((t) -> t.withActiveKeys(counts.getOrDefault(t.id(), 0L))).toList(),
				found.page(), found.size(), found.total());
	}

	public TenantSummary find(UserId operator, TenantId id) {
		requireOperator(operator);
		TenantSummary tenant = this.directory.find(id).orElseThrow(TenantNotFoundException::new);
		return tenant.withActiveKeys(this.keys.activeKeyCounts(List.of(id)).getOrDefault(id, 0L));
	}

	/**
	 * Creates a tenant, without production, and invites its first admin.
	 * @throws InvalidInputException naming {@code name}, {@code adminEmail} or {@code adminName}
	 */
	public Tenant create(UserId operator, NewTenant request, String clientIp) {
		requireOperator(operator);
		String name = (request.name() != null) ? request.name().strip() : "";
		if (name.isEmpty()) {
			throw new InvalidInputException("name", "Enter the tenant's name.");
		}
		if (name.codePointCount(0, name.length()) > MAX_NAME_LENGTH) {
			throw new InvalidInputException("name", "Use at most " + MAX_NAME_LENGTH + " characters.");
		}
		if (this.tenants.nameTaken(name)) {
			throw new InvalidInputException("name", "A tenant already has this name.");
		}
		String email = rename("adminEmail", () -> this.members.checkEmail(null, request.adminEmail()));
		String adminName = rename("adminName", () -> MemberService.checkName(request.adminName()));
		return this.transaction.execute((status) -> {
			Instant now = this.clock.instant();
			Tenant tenant;
			try {
				tenant = this.tenants.create(name, false, now);
			}
			catch (DuplicateKeyException ex) {
				throw new InvalidInputException("name", "A tenant already has this name.");
			}
			Actor actor = Actor.user(tenant.id(), operator, clientIp);
			this.audit.recordAbout(actor, "tenant_created", null, now);
			rename("adminEmail", () -> this.members.inviteFirstAdmin(actor, email, adminName));
			return tenant;
		});
	}

	public void grantProduction(UserId operator, TenantId id, String clientIp) {
		change(operator, id, clientIp, "production_granted", () -> this.tenants.grantProduction(id, true));
	}

	/** The tenant's production keys are refused from the next request on; nothing is deleted. */
	public void revokeProduction(UserId operator, TenantId id, String clientIp) {
		change(operator, id, clientIp, "production_revoked", () -> this.tenants.grantProduction(id, false));
	}

	/** Every key of the tenant is refused, and its members' sessions end at once; they cannot sign in. */
	public void suspend(UserId operator, TenantId id, String clientIp) {
		User self = requireOperator(operator);
		if (self.tenantId().equals(id)) {
			throw new InvalidInputException("tenant", "You cannot suspend the tenant you are a member of.");
		}
		change(operator, id, clientIp, "tenant_suspended", () -> this.tenants.suspend(id, true));
		int ended = this.directory.memberEmails(id).stream().mapToInt(this.sessions::endAll).sum();
		log.info("Tenant {} suspended; {} sessions ended", id.value(), ended);
	}

	public void resume(UserId operator, TenantId id, String clientIp) {
		change(operator, id, clientIp, "tenant_resumed", () -> this.tenants.suspend(id, false));
	}

	public boolean isOperator(UserId user) {
		return this.users.find(user).filter((u) -> u.operator() && u.canSignIn()).isPresent();
	}

	private void change(UserId operator, TenantId id, String clientIp, String action, Runnable update) {
		requireOperator(operator);
		this.transaction.executeWithoutResult((status) -> {
			this.tenants.find(id).orElseThrow(TenantNotFoundException::new);
			update.run();
			this.audit.recordAbout(Actor.user(id, operator, clientIp), action, null, this.clock.instant());
			// Every instance's key cache forgets the tenant's keys (see KeyChanges#tenantChanged).
			this.events.publishEvent(new TenantAccessChanged(id));
		});
	}

	private User requireOperator(UserId operator) {
		return this.users.find(operator)
			.filter((user) -> user.operator() && user.canSignIn())
			.orElseThrow(() -> new AccessDeniedException("Only operators may manage tenants"));
	}

	/** The member service names its fields for an invitation; the create-tenant form names them for the admin. */
	private static <T> T rename(String field, Supplier<T> check) {
		try {
			return check.get();
		}
		catch (InvalidInputException ex) {
			throw new InvalidInputException(field, ex.getMessage());
		}
	}

}
