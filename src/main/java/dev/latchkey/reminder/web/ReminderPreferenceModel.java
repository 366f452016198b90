package dev.latchkey.reminder.web;

import dev.latchkey.account.SignedInUser;
import dev.latchkey.reminder.ReminderPreferences;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * Gives Settings → Account the member's reminder switch, without the account package knowing about reminders
 * (which would make the two depend on each other).
 */
@ControllerAdvice(basePackages = "dev.latchkey.account.web")
class ReminderPreferenceModel {

	private final ReminderPreferences preferences;

	ReminderPreferenceModel(ReminderPreferences preferences) {
		this.preferences = preferences;
	}

	@ModelAttribute
	void wantsReminders(@AuthenticationPrincipal SignedInUser user, Model model) {
		if (user != null) {
			model.addAttribute("wantsReminders", this.preferences.wantsReminders(user.id()));
		}
	}

}
