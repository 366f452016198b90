package dev.latchkey.reminder;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Expiry reminders ({@code latchkey.reminders.*}).
 *
 * @param days how many days before a key expires a reminder is sent, one email per threshold
 * @param enabled whether this instance checks for reminders at all
 * @param interval how often it checks
 */
@ConfigurationProperties("latchkey.reminders")
public record ReminderProperties(@DefaultValue({ "30", "7", "1" }) List<Integer> days,
		@DefaultValue("true") boolean enabled, @DefaultValue("PT15M") Duration interval) {

	public ReminderProperties {
		if (days.stream().anyMatch((day) -> day == null || day < 1 || day > 3650)) {
			throw new IllegalArgumentException("latchkey.reminders.days must be whole days from 1 to 3650, not " + days);
		}
		days = days.stream().distinct().sorted().toList();
		if (interval.isNegative() || interval.isZero()) {
			throw new IllegalArgumentException("latchkey.reminders.interval must be positive, not " + interval);
		}
	}

}
