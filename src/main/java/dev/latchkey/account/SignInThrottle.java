package dev.latchkey.account;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;

/**
 * Slows down password guessing against one account without locking anybody else out: after too many failures in
 * a window, that account's sign-ins are refused for a while. Unknown emails are counted like real ones, so the
 * throttle reveals nothing about which accounts exist.
 */
@Service
public class SignInThrottle {

	private final SignInFailures failures;

	private final SignInThrottleProperties properties;

	private final Clock clock;

	SignInThrottle(SignInFailures failures, SignInThrottleProperties properties, Clock clock) {
		this.failures = failures;
		this.properties = properties;
		this.clock = clock;
	}

	/** @return until when the account's sign-ins are refused, if they are now */
	public Optional<Instant> lockedUntil(String email) {
		Instant now = this.clock.instant();
		List<Instant> recent = this.failures.since(Users.normalize(email),
				now.minus(this.properties.window()).minus(this.properties.lockout()));
		int max = this.properties.maxFailures();
		Instant lockedUntil = null;
		for (int last = max - 1; last < recent.size(); last++) {
			Instant first = recent.get(last - max + 1);
			if (!recent.get(last).isAfter(first.plus(this.properties.window()))) {
				Instant until = recent.get(last).plus(this.properties.lockout());
				lockedUntil = (lockedUntil == null || until.isAfter(lockedUntil)) ? until : lockedUntil;
			}
		}
		return (lockedUntil != null && now.isBefore(lockedUntil)) ? Optional.of(lockedUntil) : Optional.empty();
	}

	public void failed(String email) {
		this.failures.record(Users.normalize(email), this.clock.instant());
	}

	public void succeeded(String email) {
		this.failures.clear(Users.normalize(email));
	}

	@Scheduled(fixedDelayString = "PT10M", initialDelayString = "PT1M")
	void prune() {
		this.failures
			.deleteOlderThan(this.clock.instant().minus(this.properties.window()).minus(this.properties.lockout()));
	}

}
