package dev.latchkey.account;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.stereotype.Component;

/**
 * Ends every dashboard session of a user at once, on every instance (the sessions live in the database), through
 * Spring Session's principal-name index.
 */
@Component
public class UserSessions {

	private final FindByIndexNameSessionRepository<? extends Session> sessions;

	UserSessions(FindByIndexNameSessionRepository<? extends Session> sessions) {
		this.sessions = sessions;
	}

	/**
	 * Spring Session indexes a session by its principal's name, {@link SignedInUser#getUsername()}: the email as
	 * stored, whatever case was typed at sign-in. The normalized form is looked up too, in case that changes.
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

}
