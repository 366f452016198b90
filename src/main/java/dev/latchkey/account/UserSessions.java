package dev.latchkey.account;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
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

	private final FindByIndexNameSessionRepository<? extends Session> sessions;

	UserSessions(FindByIndexNameSessionRepository<? extends Session> sessions) {
		this.sessions = sessions;
	}

	/** The user's sessions by id. */
	public Map<String, ? extends Session> of(User user) {
		Map<String, Session> found = new LinkedHashMap<>();
		for (String name : names(user)) {
			found.putAll(this.sessions.findByPrincipalName(name));
		}
		return found;
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
	 * Ends one session of the user; a session id of somebody else's session is ignored.
	 * @return whether it ended
	 */
	public boolean end(User user, String sessionId) {
		if (!of(user).containsKey(sessionId)) {
			return false;
		}
		this.sessions.deleteById(sessionId);
		return true;
	}

	private static Set<String> names(User user) {
		return new LinkedHashSet<>(List.of(user.email(), Users.normalize(user.email())));
	}

}
