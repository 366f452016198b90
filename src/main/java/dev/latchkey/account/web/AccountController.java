package dev.latchkey.account.web;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import dev.latchkey.InvalidInputException;
import dev.latchkey.account.AccountService;
import dev.latchkey.account.PasswordPolicy;
import dev.latchkey.account.PasswordRejectedException;
import dev.latchkey.account.SignedInSession;
import dev.latchkey.account.SignedInUser;

import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Settings → Account, for every signed-in user: their name, their password and their sessions. Plain forms that
 * redirect after success (so a reload repeats nothing) and answer 422 with the errors next to the fields.
 */
@Controller
@RequestMapping("/settings/account")
class AccountController {

	static final String PATH = "/settings/account";

	private static final String VIEW = "account/settings";

	private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm 'UTC'", Locale.ENGLISH)
		.withZone(ZoneOffset.UTC);

	private final AccountService account;

	private final SecurityContextRepository contexts = new HttpSessionSecurityContextRepository();

	AccountController(AccountService account) {
		this.account = account;
	}

	@ModelAttribute("activeNav")
	String activeNav() {
		return "account";
	}

	@GetMapping
	String page(@AuthenticationPrincipal SignedInUser user, HttpSession session, Model model) {
		model.addAttribute("nameForm", new DisplayNameForm(user.displayName()));
		model.addAttribute("passwordForm", ChangePasswordForm.empty());
		return page(user, session, model, VIEW);
	}

	@PostMapping("/name")
	String rename(@AuthenticationPrincipal SignedInUser user, @ModelAttribute("nameForm") DisplayNameForm form,
			BindingResult result, HttpServletRequest request, HttpServletResponse response, Model model,
			RedirectAttributes redirect) {
		SignedInUser renamed;
		try {
			renamed = this.account.rename(user, form.displayName(), request.getRemoteAddr());
		}
		catch (InvalidInputException ex) {
			result.addError(new FieldError("nameForm", ex.field(), form.displayName(), false, null, null,
					ex.getMessage()));
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
			model.addAttribute("passwordForm", ChangePasswordForm.empty());
			return page(user, request.getSession(), model, VIEW);
		}
		// The header shows the name from the session's principal: it is replaced, not just the database row.
		SecurityContext context = SecurityContextHolder.createEmptyContext();
		context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(renamed, null,
				renamed.getAuthorities()));
		SecurityContextHolder.setContext(context);
		this.contexts.saveContext(context, request, response);
		redirect.addFlashAttribute("notice", "Your name was changed.");
		return "redirect:" + PATH;
	}

	@PostMapping("/password")
	String changePassword(@AuthenticationPrincipal SignedInUser user,
			@ModelAttribute("passwordForm") ChangePasswordForm form, BindingResult result, HttpServletRequest request,
			HttpServletResponse response, Model model, RedirectAttributes redirect) {
		HttpSession session = request.getSession();
		try {
			this.account.changePassword(user, form.currentPassword(), form.newPassword(), form.confirmation(),
					request.getRemoteAddr(), session.getId());
		}
		catch (PasswordRejectedException ex) {
			ex.problems().forEach((field, messages) -> messages.forEach((message) -> result
				.addError(new FieldError("passwordForm", field, null, false, null, null, message))));
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
			model.addAttribute("nameForm", new DisplayNameForm(user.displayName()));
			return page(user, session, model, VIEW);
		}
		redirect.addFlashAttribute("notice",
				"Your password was changed. Every other session of your account was signed out.");
		return "redirect:" + PATH;
	}

	@PostMapping("/sessions/{reference}/sign-out")
	String signOut(@AuthenticationPrincipal SignedInUser user, @PathVariable String reference,
			HttpServletRequest request, RedirectAttributes redirect) {
		boolean ended = this.account.signOut(user, reference, request.getSession().getId(), request.getRemoteAddr());
		redirect.addFlashAttribute("notice", ended ? "That session was signed out." : "That session had already ended.");
		return "redirect:" + PATH + "#sessions";
	}

	@PostMapping("/sessions/sign-out-others")
	String signOutOthers(@AuthenticationPrincipal SignedInUser user, HttpServletRequest request,
			RedirectAttributes redirect) {
		int ended = this.account.signOutOthers(user, request.getSession().getId(), request.getRemoteAddr());
		redirect.addFlashAttribute("notice", switch (ended) {
			case 0 -> "There were no other sessions.";
			case 1 -> "Signed out 1 other session.";
			default -> "Signed out " + ended + " other sessions.";
		});
		return "redirect:" + PATH + "#sessions";
	}

	private String page(SignedInUser user, HttpSession session, Model model, String view) {
		List<SessionView> sessions = this.account.sessions(user, session.getId()).stream().map(SessionView::of).toList();
		model.addAttribute("email", user.email());
		model.addAttribute("sessions", sessions);
		model.addAttribute("otherSessions", sessions.stream().filter((s) -> !s.current()).count());
		model.addAttribute("minLength", PasswordPolicy.MIN_LENGTH);
		model.addAttribute("maxLength", PasswordPolicy.MAX_LENGTH);
		return view;
	}

	record SessionView(String reference, String browser, String clientIp, String signedIn, String lastActive,
			boolean current) {

		static SessionView of(SignedInSession session) {
			return new SessionView(session.reference(), session.browser(), session.clientIp(),
					format(session.signedInAt()), format(session.lastActiveAt()), session.current());
		}

		private static String format(Instant instant) {
			return (instant != null) ? WHEN.format(instant) : "";
		}

	}

}
