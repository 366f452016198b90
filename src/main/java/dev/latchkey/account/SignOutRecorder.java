package dev.latchkey.account;

import java.time.Clock;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import dev.latchkey.audit.AuditLog;
import dev.latchkey.shared.Actor;

import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.logout.LogoutHandler;
import org.springframework.stereotype.Component;

/** Records a sign-out in the member's tenant's audit log, before the session ends (SecurityConfig's logout). */
@Component
public class SignOutRecorder implements LogoutHandler {

	private final AuditLog audit;

	private final Clock clock;

	SignOutRecorder(AuditLog audit, Clock clock) {
		this.audit = audit;
		this.clock = clock;
	}

	@Override
	public void logout(HttpServletRequest request, HttpServletResponse response, Authentication authentication) {
		if (authentication != null && authentication.getPrincipal() instanceof SignedInUser user) {
			this.audit.record(Actor.user(user.tenantId(), user.id(), request.getRemoteAddr()), "signed_out", null,
					this.clock.instant());
		}
	}

}
