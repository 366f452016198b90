package dev.latchkey.account;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.annotation.PreDestroy;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.latchkey.link.EmailLinks;
import dev.latchkey.link.LinkEmail;
import dev.latchkey.link.LinkPurpose;
import dev.latchkey.link.LinkTicket;
import dev.latchkey.shared.UserId;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * "Forgot password?": emails a single-use, short-lived link, and sets the new password chosen through it. Nothing
 * it answers tells whether an account exists. The link is {@link EmailLinks}'; setting the password is
 * {@link Passwords}'.
 */
@Service
public class PasswordResetService {

	private static final Logger log = LoggerFactory.getLogger(PasswordResetService.class);

	private final Users users;

	private final EmailLinks links;

	private final PasswordResetThrottle throttle;

	private final Passwords passwords;

	private final TransactionTemplate transaction;

	private final PasswordResetProperties properties;

	private final Clock clock;

	/** Bounded, so that a flood of requests cannot exhaust memory; beyond it requests are dropped, unanswered. */
	private final ThreadPoolExecutor requests;

	/** Requests dropped since the last log line about it, so that a flood does not flood the log too. */
	private final AtomicLong dropped = new AtomicLong();

	PasswordResetService(Users users, EmailLinks links, PasswordResetThrottle throttle, Passwords passwords,
			TransactionTemplate transaction, PasswordResetProperties properties, Clock clock) {
		this.requests = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS,
				new ArrayBlockingQueue<>(Math.max(1, properties.maxQueuedRequests())), (task) -> {
					Thread thread = new Thread(task, "password-reset-requests");
					thread.setDaemon(true);
					return thread;
				});
		this.users = users;
		this.links = links;
		this.throttle = throttle;
		this.passwords = passwords;
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
			// one line for the first drop of a flood, then one for every thousand more
			long count = this.dropped.incrementAndGet();
			if (count == 1 || count % 1000 == 0) {
				log.warn("Too many password-reset requests waiting: {} dropped so far (latchkey.password-reset."
						+ "max-queued-requests is {})", count, this.properties.maxQueuedRequests());
			}
		}
	}

	private void handleRequest(String email, String clientIp, Instant now) {
		try {
			this.transaction.executeWithoutResult((status) -> {
				Optional<User> user = (email == null || email.isBlank()) ? Optional.empty()
						: this.users.findByEmail(email);
				if (!this.throttle.admit(user.map(User::id).orElse(null), clientIp, now)) {
					return;
				}
				User account = user.get();
				// Emailed once committed, so that the link works when it arrives.
				this.links.issue(LinkPurpose.PASSWORD_RESET, account.id().value(), this.properties.tokenValidity(),
						new LinkEmail(account.email(), "Reset your Latchkey password", "password-reset-link",
								Map.of("email", account.email())));
			});
		}
		catch (RuntimeException ex) {
			log.error("Could not handle a password-reset request", ex);
		}
	}

	/** @return the link as the browser session may keep it, if it is still usable */
	public Optional<LinkTicket> check(String token) {
		return this.links.check(LinkPurpose.PASSWORD_RESET, token);
	}

	public boolean isUsable(LinkTicket ticket) {
		return ticket != null && ticket.purpose() == LinkPurpose.PASSWORD_RESET
				&& this.links.subject(ticket).isPresent();
	}

	/**
	 * Sets the new password, uses up the link, voids any other, ends every session of the user and emails a
	 * notice. The user is not signed in: they sign in with the new password.
	 * @throws PasswordRejectedException listing every rule the password breaks; the link stays usable
	 * @throws InvalidResetLinkException if the link is no longer usable
	 */
	public void reset(LinkTicket ticket, String password, String confirmation, String clientIp) {
		if (!isUsable(ticket)) {
			throw new InvalidResetLinkException();
		}
		User user = this.links.subject(ticket)
			.flatMap((id) -> this.users.find(new UserId(id)))
			.orElseThrow(InvalidResetLinkException::new);
		NewPassword accepted = this.passwords.accept(user, password, confirmation, "password");
		this.transaction.executeWithoutResult((status) -> {
			if (!this.links.consume(ticket)) {
				throw new InvalidResetLinkException();
			}
			this.passwords.set(accepted, PasswordChange.RESET, clientIp, null);
		});
	}

	@PreDestroy
	void finishQueuedRequests() throws InterruptedException {
		this.requests.shutdown();
		this.requests.awaitTermination(5, TimeUnit.SECONDS);
	}

	@Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT1M")
	void forgetOldRequests() {
		this.throttle.forgetBefore(this.clock.instant().minus(PasswordResetThrottle.WINDOW));
	}

}
