package dev.latchkey.reminder;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Checks for expiry reminders every {@code latchkey.reminders.interval}, on every instance (they take turns). */
@Component
class ReminderSchedule {

	private static final Logger log = LoggerFactory.getLogger(ReminderSchedule.class);

	private final ExpiryReminders reminders;

	private final ReminderProperties properties;

	ReminderSchedule(ExpiryReminders reminders, ReminderProperties properties) {
		this.reminders = reminders;
		this.properties = properties;
	}

	@Scheduled(fixedDelayString = "${latchkey.reminders.interval:PT15M}", initialDelayString = "${latchkey.reminders.interval:PT15M}")
	void check() {
		if (!this.properties.enabled()) {
			return;
		}
		try {
			this.reminders.check();
		}
		catch (RuntimeException ex) {
			// Nothing was claimed (one transaction): the next check sends what is due.
			log.error("Could not check for expiry reminders", ex);
		}
	}

}
