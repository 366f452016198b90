package dev.latchkey.apikey;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import dev.latchkey.audit.AuditLog;
import dev.latchkey.shared.Actor;

import org.springframework.stereotype.Component;

/**
 * Records a key used from an address it does not allow in the key's history, at most once a minute per key on each
 * instance, so a flood of refused requests neither floods the log nor costs a database write each.
 */
@Component
class IpRefusals {

	static final Duration QUIET = Duration.ofMinutes(1);

	private final Map<Long, Instant> lastRecorded = new ConcurrentHashMap<>();

	private final AuditLog audit;

	private final Clock clock;

	IpRefusals(AuditLog audit, Clock clock) {
		this.audit = audit;
		this.clock = clock;
	}

	void refused(AuthenticatedKey key, String clientAddress) {
		Instant now = this.clock.instant();
		Instant last = this.lastRecorded.get(key.keyId());
		if (last != null && now.isBefore(last.plus(QUIET))) {
			return;
		}
		if (last == null ? this.lastRecorded.putIfAbsent(key.keyId(), now) != null
				: !this.lastRecorded.replace(key.keyId(), last, now)) {
			return; // another request records this minute's refusal
		}
		this.audit.record(Actor.apiKey(key.tenantId(), key.owner(), key.keyId(), clientAddress), "refused: IP not allowed",
				key.keyId(), now);
	}

}
