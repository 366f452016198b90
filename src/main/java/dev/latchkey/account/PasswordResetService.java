package dev.latchkey.account;

import dev.latchkey.shared.UserId;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import jakarta.annotation.PreDestroy;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.latchkey.shared.Actor;
import dev.latchkey.audit.AuditLog;
import dev.latchkey.mail.Email;
import dev.latchkey.mail.Mailer;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * "Forgot password?": emails a single-use, short-lived link, and sets the new password chosen through it. Nothing
 * it answers tells whether an account exists.
 */
@Service
public class PasswordResetService {

	private static final Logger log = LoggerFactory.getLogger(PasswordResetService.class);

	private final Users users;

	private final PasswordResetTokens tokens;

	private final PasswordResetThrottle throttle;

	private final PasswordResetMails mails;

	private final PasswordPolicy policy;

	private final PasswordEncoder encoder;

	private final FindByIndexNameSessionRepository<? extends Session> sessions;

	private final Mailer mailer;

	private final AuditLog audit;

	private final SignInThrottle signInThrottle;

	private final TransactionTemplate transaction;

	private final PasswordResetProperties properties;

	private final Clock clock;

	private final SecureRandom random = new SecureRandom();

	/** Bounded, so that a flood of requests cannot exhaust memory; beyond it requests are dropped, unanswered. */
	private final ThreadPoolExecutor requests = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS,
			new ArrayBlockingQueue<>(1000), (task) -> {
				Thread thread = new Thread(task, "password-reset-requests");
				thread.setDaemon(true);
				return thread;
			});

	PasswordResetService(Users users, PasswordResetTokens tokens, PasswordResetThrottle throttle,
			PasswordResetMails mails, PasswordPolicy policy, PasswordEncoder encoder,
			FindByIndexNameSessionRepository<? extends Session> sessions, Mailer mailer, AuditLog audit,
			SignInThrottle signInThrottle, TransactionTemplate transaction, PasswordResetProperties properties, Clock clock) {
		this.users = users;
		this.tokens = tokens;
		this.throttle = throttle;
		this.mails = mails;
		this.policy = policy;
		this.encoder = encoder;
		this.sessions = sessions;
		this.mailer = mailer;
		this.audit = audit;
		this.signInThrottle = signInThrottle;
		this.transaction = transaction;
		this.properties = properties;
		this.clock = clock;
	}

	/**
	 * Emails a reset link if the address belongs to an account and the throttles allow it; otherwise does
	 * nothing. It only queues the request and returns: the lookup, the throttles, the link and the email all happen
	 * in the background, so the answer takes the same time whether or not an account exists (measured: without
	 * this, the extra writes for a real account were a few milliseconds, visible over many requests). The current
	 * password keeps working until a reset is completed.
	 */
	public void requestReset(String email, String clientIp) {
		Instant now = this.clock.instant();
		try {
			this.requests.execute(() -> handleRequest(email, clientIp, now));
		}
		catch (RejectedExecutionException ex) {
			log.warn("Too many password-reset requests waiting: one was dropped");
		}
	}

	private void handleRequest(String email, String clientIp, Instant now) {
		try {
			Optional<Email> link = this.transaction.execute((status) -> {
				Optional<User> user = (email == null || email.isBlank()) ? Optional.empty()
						: this.users.findByEmail(email);
				if (!this.throttle.admit(user.map(User::id).orElse(null), clientIp, now)) {
					return Optional.<Email>empty();
				}
				String token = PasswordResetToken.generate(this.random);
				this.tokens.replace(user.get().id(), PasswordResetToken.hash(token), now,
						now.plus(this.properties.tokenValidity()));
				return Optional.of(this.mails.link(user.get(), token, this.properties.tokenValidity()));
			});
			// Only once the link is committed, so that it works when it arrives.
			link.ifPresent(this.mailer::send);
		}
		catch (RuntimeException ex) {
			log.error("Could not handle a password-reset request", ex);
		}
	}

	/** @return the link as the browser session may keep it, if it is still usable */
	public Optional<ResetTicket> check(String token) {
		if (!PasswordResetToken.isWellFormed(token)) {
			return Optional.empty();
		}
		String hash = PasswordResetToken.hash(token);
		return this.tokens.findUsable(hash, this.clock.instant()).map((user) -> new ResetTicket(hash));
	}

	public boolean isUsable(ResetTicket ticket) {
		return ticket != null && this.tokens.findUsable(ticket.tokenHash(), this.clock.instant()).isPresent();
	}

	/**
	 * Sets the new password, uses up the link, voids any other, ends every session of the user and emails a
	 * notice. The user is not signed in: they sign in with the new password.
	 * @throws PasswordRejectedException listing every rule the password breaks; the link stays usable
	 * @throws InvalidResetLinkException if the link is no longer usable
	 */
	public void reset(ResetTicket ticket, String password, String confirmation, String clientIp) {
		UserId userId = this.tokens.findUsable(ticket.tokenHash(), this.clock.instant())
			.orElseThrow(InvalidResetLinkException::new);
		User user = this.users.find(userId).orElseThrow(InvalidResetLinkException::new);
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
		Instant now = this.clock.instant();
		this.transaction.executeWithoutResult((status) -> {
			if (!this.tokens.consume(ticket.tokenHash(), now)) {
				throw new InvalidResetLinkException();
			}
			this.users.updatePasswordHash(user.id(), hash);
			// Whoever proved they read the account's email may sign in at once, even if it was locked out.
			this.signInThrottle.succeeded(user.email());
			this.audit.record(Actor.user(user.tenantId(), user.id(), clientIp), "password_reset", null, now);
		});
		int ended = endSessions(user);
		log.info("Password of user {} reset; {} sessions ended", user.id().value(), ended);
		this.mailer.send(this.mails.changed(user, now));
	}

	/**
	 * Spring Session indexes a session by its principal's name, {@link SignedInUser#getUsername()}: the email as
	 * stored, whatever case was typed at sign-in. The normalized form is looked up too, in case that changes.
	 */
	private int endSessions(User user) {
		Set<String> ids = new LinkedHashSet<>();
		for (String name : new LinkedHashSet<>(List.of(user.email(), Users.normalize(user.email())))) {
			ids.addAll(this.sessions.findByPrincipalName(name).keySet());
		}
		ids.forEach(this.sessions::deleteById);
		return ids.size();
	}

	@PreDestroy
	void finishQueuedRequests() throws InterruptedException {
		this.requests.shutdown();
		this.requests.awaitTermination(5, TimeUnit.SECONDS);
	}

	@Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT1M")
	void forgetOldRequestsAndLinks() {
		Instant now = this.clock.instant();
		this.tokens.deleteExpired(now);
		this.throttle.forgetBefore(now.minus(PasswordResetThrottle.WINDOW));
	}

}
