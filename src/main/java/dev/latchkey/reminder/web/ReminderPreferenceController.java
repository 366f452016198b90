package dev.latchkey.reminder.web;

import dev.latchkey.account.SignedInUser;
import dev.latchkey.reminder.ReminderPreferences;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The switch for expiry reminder emails in Settings → Account, a member's own: every signed-in member may use it.
 * The page itself is the account page's; this saves the switch.
 */
@Controller
@RequestMapping("/settings/account/reminders")
class ReminderPreferenceController {

	private final ReminderPreferences preferences;

	ReminderPreferenceController(ReminderPreferences preferences) {
		this.preferences = preferences;
	}

	@GetMapping
	String show() {
		return "redirect:/settings/account#reminders";
	}

	/** An unticked checkbox sends nothing: absent means off. */
	@PostMapping
	String save(@AuthenticationPrincipal SignedInUser user,
			@RequestParam(name = "expiryReminders", defaultValue = "false") boolean wanted) {
		this.preferences.setWantsReminders(user.id(), wanted);
		return "redirect:/settings/account?remindersSaved#reminders";
	}

}
