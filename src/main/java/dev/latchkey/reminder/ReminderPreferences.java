package dev.latchkey.reminder;

import dev.latchkey.shared.UserId;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** A member's own switch for expiry reminders, on by default. */
@Service
public class ReminderPreferences {

	private final JdbcClient jdbc;

	ReminderPreferences(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public boolean wantsReminders(UserId user) {
		return this.jdbc.sql("select expiry_reminders from users where id = ?")
			.param(user.value())
			.query(Boolean.class)
			.optional()
			.orElse(false);
	}

	public void setWantsReminders(UserId user, boolean wanted) {
		this.jdbc.sql("update users set expiry_reminders = ? where id = ?").params(wanted, user.value()).update();
	}

}
