package dev.latchkey.account;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;

/**
 * Slows password guessing down without letting anyone lock the owner out. Failures count against the client
 * address, and against the account from that address: a guesser is refused long before the owner, signing in from
 * elsewhere, notices anything. Only a distributed attack reaches the per-account ceiling, and that only slows the
 * account's sign-ins. Unknown emails are counted like real ones, so the throttle reveals nothing about which
 * accounts exist.
 */
@Service
public class SignInThrottle {

	/** The longest account key stored: a longer typed email is still counted, by its first 320 characters. */
	private static final int MAX_ACCOUNT_LENGTH = 320;

	private final SignInFailures failures;

	private final SignInThrottleProperties properties;

	private final Clock clock;

	SignInThrottle(SignInFailures failures, SignInThrottleProperties properties, Clock clock) {
		this.failures = failures;
		this.properties = properties;
		this.clock = clock;
	}

	/** @return whether an attempt for this account from this client is to be refused without checking a password */
	public boolean throttled(String email, String clientIp) {
		Instant since = this.clock.instant().minus(this.properties.window());
		String account = account(email);
		String client = client(clientIp);
		return this.failures.byClient(client, since) >= this.properties.maxFailuresPerClient()
				|| this.failures.byAccountAndClient(account, client, since) >= this.properties
					.maxFailuresPerAccountAndClient()
				|| lockedUntil(email).isPresent();
	}

	/**
	 * The per-account ceiling alone (the check for callers that know no client address): after
	 * {@code accountCeiling} failures within the window, one attempt per {@code ceilingDelay}.
	 * @return until when the account's attempts wait, if they do now
	 */
	public Optional<Instant> lockedUntil(String email) {
		Instant now = this.clock.instant();
		String account = account(email);
		if (this.failures.byAccount(account, now.minus(this.properties.window())) < this.properties.accountCeiling()) {
			return Optional.empty();
		}
		Instant last = this.failures.lastByAccount(account);
		Instant until = (last != null) ? last.plus(this.properties.ceilingDelay()) : now;
		return now.isBefore(until) ? Optional.of(until) : Optional.empty();
	}

	/** Counts a failed password check for this account, from this client. */
	public void failed(String email, String clientIp) {
		this.failures.record(account(email), client(clientIp), this.clock.instant());
	}

	/** Counts a failed password check for this account, where no client address is known. */
	public void failed(String email) {
		failed(email, null);
	}

	/** Forgets this client's failures for the account: the owner got in from there. */
	public void succeeded(String email, String clientIp) {
		this.failures.clear(account(email), client(clientIp));
	}

	/** Forgets every failure for the account: its owner proved who they are another way (a password reset). */
	public void succeeded(String email) {
		this.failures.clear(account(email));
	}

	@Scheduled(fixedDelayString = "PT10M", initialDelayString = "PT1M")
	void prune() {
		this.failures.deleteOlderThan(this.clock.instant().minus(this.properties.window()));
	}

	private static String account(String email) {
		String normalized = Users.normalize((email != null) ? email : "");
		return (normalized.length() > MAX_ACCOUNT_LENGTH) ? normalized.substring(0, MAX_ACCOUNT_LENGTH) : normalized;
	}

	private static String client(String clientIp) {
		if (clientIp == null) {
			return "unknown";
		}
		return (clientIp.length() > 64) ? clientIp.substring(0, 64) : clientIp;
	}

}
