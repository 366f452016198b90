package dev.latchkey.account;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.stereotype.Component;

/**
 * A user's signed-in sessions, found through Spring Session's principal-name index. Spring Session indexes a
 * session by its principal's name, {@link SignedInUser#getUsername()}: the email as stored, whatever case was
 * typed at sign-in. The normalized form is looked up too, in case that changes.
 */
@Component
public class UserSessions {

	/** Session attributes written at sign-in, for the Sessions list. */
	public static final String USER_AGENT = "latchkey.sign-in.user-agent";

	public static final String CLIENT_IP = "latchkey.sign-in.client-ip";

	public static final String SIGNED_IN_AT = "latchkey.sign-in.at";

	private static final int MAX_USER_AGENT_LENGTH = 512;

	private final FindByIndexNameSessionRepository<? extends Session> sessions;

	UserSessions(FindByIndexNameSessionRepository<? extends Session> sessions) {
		this.sessions = sessions;
	}

	/** What the Sessions list shows of a sign-in, kept in the new session. */
	public static Map<String, Object> signInAttributes(String userAgent, String clientIp, Instant now) {
		String agent = (userAgent == null) ? ""
				: (userAgent.length() > MAX_USER_AGENT_LENGTH) ? userAgent.substring(0, MAX_USER_AGENT_LENGTH) : userAgent;
		return Map.of(USER_AGENT, agent, CLIENT_IP, (clientIp != null) ? clientIp : "", SIGNED_IN_AT,
				now.toEpochMilli());
	}

	/** The user's sessions by id. */
	public Map<String, ? extends Session> of(User user) {
		Map<String, Session> found = new LinkedHashMap<>();
		for (String name : names(user)) {
			found.putAll(this.sessions.findByPrincipalName(name));
		}
		return found;
	}

	/** The user's sessions, the current one first, then the most recently active. */
	public List<SignedInSession> list(User user, String currentSessionId) {
		return of(user).values()
			.stream()
			.filter((session) -> !session.isExpired())
			.map((session) -> describe(session, session.getId().equals(currentSessionId)))
			.sorted(Comparator.comparing(SignedInSession::current)
				.reversed()
				.thenComparing(SignedInSession::lastActiveAt, Comparator.reverseOrder()))
			.toList();
	}

	/**
	 * Ends every session of the user but one.
	 * @param keep the id of the session to keep, or {@code null} to end them all
	 * @return how many sessions ended
	 */
	public int endAll(User user, String keep) {
		Set<String> ids = new LinkedHashSet<>(of(user).keySet());
		if (keep != null) {
			ids.remove(keep);
		}
		ids.forEach(this.sessions::deleteById);
		return ids.size();
	}

	/**
	 * Ends every session of the account with this email at once (issue 9: a member disabled or removed, a tenant
	 * suspended), on every instance, as the sessions live in the database.
	 * @return how many sessions ended
	 */
	public int endAll(String email) {
		Set<String> ids = new LinkedHashSet<>();
		for (String name : new LinkedHashSet<>(List.of(email, Users.normalize(email)))) {
			ids.addAll(this.sessions.findByPrincipalName(name).keySet());
		}
		ids.forEach(this.sessions::deleteById);
		return ids.size();
	}

	/**
	 * Ends the user's session with that {@link SignedInSession#reference()}; only the user's own sessions can be
	 * named, and not {@code currentSessionId} (signing out of the current session is the Sign out button's job).
	 * @return whether a session ended
	 */
	public boolean end(User user, String reference, String currentSessionId) {
		Optional<String> id = of(user).keySet()
			.stream()
			.filter((candidate) -> reference(candidate).equals(reference) && !candidate.equals(currentSessionId))
			.findFirst();
		id.ifPresent(this.sessions::deleteById);
		return id.isPresent();
	}

	private static SignedInSession describe(Session session, boolean current) {
		String agent = session.getAttribute(USER_AGENT);
		String ip = session.getAttribute(CLIENT_IP);
		Long signedInAt = session.getAttribute(SIGNED_IN_AT);
		return new SignedInSession(reference(session.getId()), Browser.describe(agent),
				(ip == null || ip.isEmpty()) ? "Unknown" : ip,
				(signedInAt != null) ? Instant.ofEpochMilli(signedInAt) : session.getCreationTime(),
				session.getLastAccessedTime(), current);
	}

	/** A session id is as good as the session cookie: pages name a session by a hash of it instead. */
	static String reference(String sessionId) {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256").digest(sessionId.getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(digest, 0, 16);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static Set<String> names(User user) {
		return new LinkedHashSet<>(List.of(user.email(), Users.normalize(user.email())));
	}

}
