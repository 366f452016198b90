package dev.latchkey.account;

import java.time.Clock;

import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.stereotype.Component;

/** Keeps each member's last sign-in, shown in Settings → Members. */
@Component
class SignInRecorder {

	private final Users users;

	private final Clock clock;

	SignInRecorder(Users users, Clock clock) {
		this.users = users;
		this.clock = clock;
	}

	@EventListener
	void signedIn(AuthenticationSuccessEvent event) {
		if (event.getAuthentication().getPrincipal() instanceof SignedInUser user) {
			this.users.recordSignIn(user.id(), this.clock.instant());
		}
	}

}
